/**
 * The generated council's file shares: one departmental share (the S: drive)
 * per service, aimed at that service's SharePoint site, and a home drive (H:)
 * per member of staff, aimed at their OneDrive. Scan figures agree with the
 * target's size in Graph for most shares and, for some, do not (files left
 * behind, or content added at the target), so verification has both to show.
 * Derived from the council with its own random stream: the council itself is unchanged.
 */

import { dateOf, dayNumber } from "../council/dates";
import { Random, seedFrom } from "../council/random";
import type { Council, CouncilUser } from "../council/types";

export type GeneratedWave = {
  name: string;
  directorates: string[];
  startsOn: string;
  endsOn: string;
  phase: "done" | "running" | "planned";
};

export type GeneratedShare = {
  uncPath: string;
  driveLetter: "S:" | "H:";
  kind: "shared" | "home";
  ownerUpn: string;
  directorate: string;
  wave: GeneratedWave;
  targetSiteUrl: string;
  targetSiteId: string | null;
  targetLibrary: string;
  taskId: string;
  scanBytes: number;
  scanFiles: number;
  scanFolders: number;
  longestPath: number;
  /** Whether the scan agrees with the target's figures in Graph. */
  agreesWithTarget: boolean;
  /** Where the move has got: done waves migrated, the running wave part-way, planned waves not started. */
  progress: "migrated" | "migrating" | "aborted" | "not-started";
};

export type CouncilFileShares = { waves: GeneratedWave[]; shares: GeneratedShare[] };

const fileServer = "FS01";
const homeServer = "FS02";

export const oneDriveUrl = (council: Council, upn: string) =>
  `https://${council.sharePointHost}-my.sharepoint.com/personal/${upn.replace(/[.@]/g, "_")}`;

/** The shares, waves and how far each share has got, the same for the same council. */
export function councilFileShares(council: Council): CouncilFileShares {
  const random = new Random(seedFrom(council.seed, "file-shares"));
  const today = dayNumber(council.today);
  const thirds = [0, 1, 2].map((i) => council.directorates.filter((_, index) => index % 3 === i).map((d) => d.name));
  const waves: GeneratedWave[] = [
    {
      name: "Wave 1",
      directorates: thirds[0] ?? [],
      startsOn: dateOf(today - 70),
      endsOn: dateOf(today - 21),
      phase: "done",
    },
    {
      name: "Wave 2",
      directorates: thirds[1] ?? [],
      startsOn: dateOf(today - 14),
      endsOn: dateOf(today + 28),
      phase: "running",
    },
    {
      name: "Wave 3",
      directorates: thirds[2] ?? [],
      startsOn: dateOf(today + 56),
      endsOn: dateOf(today + 112),
      phase: "planned",
    },
  ];
  const waveOf = (directorate: string) => waves.find((w) => w.directorates.includes(directorate)) as GeneratedWave;
  const progressIn = (wave: GeneratedWave): GeneratedShare["progress"] =>
    wave.phase === "done"
      ? "migrated"
      : wave.phase === "planned"
        ? "not-started"
        : random.chance(0.5)
          ? "migrated"
          : random.chance(0.2)
            ? "aborted"
            : "migrating";

  const shares: GeneratedShare[] = [];
  for (const site of council.sites) {
    const owner = council.users.get(site.ownerUserId);
    const directorate = council.directorates.find((d) => d.services.some((s) => s.id === site.serviceId));
    if (!owner || !directorate) continue;
    const wave = waveOf(directorate.name);
    const agrees = random.chance(0.85);
    const used = site.drive.quota.used;
    shares.push({
      uncPath: `\\\\${fileServer}\\${site.name}`,
      driveLetter: "S:",
      kind: "shared",
      ownerUpn: owner.userPrincipalName,
      directorate: directorate.name,
      wave,
      targetSiteUrl: site.webUrl,
      targetSiteId: site.id,
      targetLibrary: "Documents",
      taskId: random.guid(),
      // Agreeing scans are within half a percent; the others are a quarter out either way.
      scanBytes: Math.round(used * (agrees ? random.between(0.995, 1.005) : random.pick([0.7, 1.3]))),
      scanFiles: Math.max(
        1,
        Math.round(site.fileCount * (agrees ? random.between(0.995, 1.005) : random.pick([0.75, 1.25]))),
      ),
      scanFolders: Math.max(1, Math.round(site.fileCount / random.between(8, 30))),
      longestPath: random.int(120, 460),
      agreesWithTarget: agrees,
      progress: progressIn(wave),
    });
  }
  for (const user of [...council.users.values()].sort(byUpn)) {
    if (!user.accountEnabled) continue;
    const wave = waveOf(user.department);
    if (!wave) continue;
    shares.push({
      uncPath: `\\\\${homeServer}\\home$\\${user.userPrincipalName.split("@")[0]}`,
      driveLetter: "H:",
      kind: "home",
      ownerUpn: user.userPrincipalName,
      directorate: user.department,
      wave,
      targetSiteUrl: oneDriveUrl(council, user.userPrincipalName),
      targetSiteId: null,
      targetLibrary: "Documents",
      taskId: random.guid(),
      scanBytes: user.oneDrive.storageUsed,
      scanFiles: user.oneDrive.fileCount,
      scanFolders: Math.max(1, Math.round(user.oneDrive.fileCount / 12)),
      longestPath: random.int(60, 300),
      agreesWithTarget: true,
      progress:
        wave.phase === "done"
          ? "migrated"
          : wave.phase === "running" && random.chance(0.5)
            ? "migrated"
            : "not-started",
    });
  }
  return { waves, shares };
}

const byUpn = (a: CouncilUser, b: CouncilUser) => (a.userPrincipalName < b.userPrincipalName ? -1 : 1);
