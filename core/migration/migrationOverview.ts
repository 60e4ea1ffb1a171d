import type { Db } from "../store/database";
import { type FailureGroup, failureGroups } from "./migrationFailures";
import {
  type BytesBurndownPoint,
  listMigrationWaves,
  type MigrationWave,
  type ProgressTotals,
  type SourceProgress,
  sourceProgress,
  totalsBy,
  waveBytesBurndown,
} from "./migrationProgress";
import { type Verification, verifyTargets } from "./verification";

export type MigrationOverview = {
  waves: (MigrationWave & { totals: ProgressTotals; burndown: BytesBurndownPoint[] })[];
  directorates: { directorate: string; totals: ProgressTotals }[];
  sources: (SourceProgress & { verification: Verification | null })[];
  failures: FailureGroup[];
};

const noWave = "";

/** Everything the Migration view shows: waves with burndown, directorates, sources with verification, failures. */
export async function migrationOverview(db: Db, tolerancePercent: number, now: Date): Promise<MigrationOverview> {
  const [sources, verification, waves, failures] = await Promise.all([
    sourceProgress(db),
    verifyTargets(db, tolerancePercent),
    listMigrationWaves(db),
    failureGroups(db),
  ]);
  const byWave = totalsBy(sources, verification, (s) => (s.waveId === null ? noWave : String(s.waveId)));
  const byDirectorate = totalsBy(sources, verification, (s) => s.directorate ?? "");
  const empty = totalsBy([], verification, () => "").get("") ?? zeroTotals();
  return {
    waves: await Promise.all(
      waves.map(async (wave) => {
        const totals = byWave.get(String(wave.id)) ?? empty;
        return { ...wave, totals, burndown: await waveBytesBurndown(db, wave, totals.plannedBytes, now) };
      }),
    ),
    directorates: [...byDirectorate]
      .map(([directorate, totals]) => ({ directorate, totals }))
      .sort((a, b) => a.directorate.localeCompare(b.directorate, "en-GB")),
    sources: sources.map((s) => ({ ...s, verification: verification.get(s.id) ?? null })),
    failures,
  };
}

function zeroTotals(): ProgressTotals {
  return {
    sources: 0,
    plannedBytes: 0,
    plannedItems: 0,
    migratedBytes: 0,
    migratedItems: 0,
    failedItems: 0,
    verifiedBytes: 0,
    verifiedSources: 0,
    mismatches: 0,
  };
}
