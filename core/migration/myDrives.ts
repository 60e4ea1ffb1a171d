import { t } from "../messages/catalogue";
import type { Db } from "../store/database";
import { type SourceProgress, sourceProgress } from "./migrationProgress";
import { movedStates } from "./verification";

/** One of a person's drives and where it lives now, in words, for the bot and My ICT. */
export type MyDrive = {
  id: number;
  /** e.g. "S: drive (\\FS01\Finance)". */
  label: string;
  state: SourceProgress["state"];
  stateLabel: string;
  /** Where it lives now, or will. */
  url: string | null;
  /** One sentence: where it is now, or when it moves. */
  whereNow: string;
  kind: SourceProgress["kind"];
};

/**
 * The drives a person knew: home drives they own and their directorate's
 * shared drives (from the directory). A folder name narrows them to the drives
 * whose path names it.
 */
export async function myDrives(db: Db, userId: string, folder?: string): Promise<MyDrive[]> {
  const person = await db
    .selectFrom("directory_user")
    .select(["user_principal_name", "department"])
    .where("id", "=", userId)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  if (!person) return [];
  const sources = await sourceProgress(db, {
    ownerUpn: person.user_principal_name,
    ...(person.department ? { directorate: person.department } : {}),
  });
  const wanted = folder?.toLowerCase();
  return sources
    .filter(
      (s) =>
        !wanted ||
        s.uncPath
          .toLowerCase()
          .split("\\")
          .some((part) => part.includes(wanted)),
    )
    .sort((a, b) => (a.kind === b.kind ? a.uncPath.localeCompare(b.uncPath) : a.kind === "home" ? -1 : 1))
    .map(present);
}

function present(s: SourceProgress): MyDrive {
  const label = t(s.kind === "home" ? "migration.drive.home" : "migration.drive.shared", {
    letter: s.driveLetter ?? (s.kind === "home" ? "H:" : "S:"),
    path: s.uncPath,
  });
  const where = s.targetSiteUrl
    ? t(s.kind === "home" ? "migration.where.oneDrive" : "migration.where.site", {
        library: s.targetLibrary ?? "Documents",
        folder: s.targetFolder ? ` › ${s.targetFolder}` : "",
      })
    : t("migration.where.undecided");
  const moved = (movedStates as readonly string[]).includes(s.state);
  const whereNow = moved
    ? t("migration.now.moved", { where })
    : s.state === "migrating"
      ? t("migration.now.moving", { where, wave: s.wave ?? "", end: s.plannedEnd ?? "" })
      : s.plannedStart
        ? t("migration.now.planned", {
            where,
            wave: s.wave ?? "",
            start: s.plannedStart,
            end: s.plannedEnd ?? s.plannedStart,
          })
        : t("migration.now.notPlanned");
  return {
    id: s.id,
    label,
    state: s.state,
    stateLabel: t(`migration.state.${s.state}`),
    url: s.targetSiteUrl,
    whereNow,
    kind: s.kind,
  };
}
