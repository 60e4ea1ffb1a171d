/** The migration routes' answers (docs/tab-api.md, server/tabApi/migrationRoutes.ts). Dates are ISO strings on the wire. */

export type MigrationTotals = {
  sources: number;
  plannedBytes: number;
  plannedItems: number;
  migratedBytes: number;
  migratedItems: number;
  failedItems: number;
  verifiedBytes: number;
  verifiedSources: number;
  mismatches: number;
};

export type MigrationBurndownPoint = { date: string; remainingBytes: number | null; idealBytes: number };

export type MigrationWave = {
  id: number;
  name: string;
  directorates: string[];
  startsOn: string | null;
  endsOn: string | null;
  totals: MigrationTotals;
  burndown: MigrationBurndownPoint[];
};

export type SourceState =
  | "planned"
  | "scanned"
  | "migrating"
  | "migrated"
  | "verified"
  | "read-only"
  | "decommissioned";

/** States in which a source's content is at its target (core/migration/verification's movedStates). */
export const movedStates: readonly SourceState[] = ["migrated", "verified", "read-only", "decommissioned"];

export type VerificationStatus =
  | "match"
  | "mismatch"
  | "site-not-found"
  | "not-reported"
  | "in-use"
  | "provisioned-empty"
  | "not-provisioned"
  | "concealed";

export type MigrationVerification = {
  status: VerificationStatus;
  siteId: string | null;
  expectedBytes: number | null;
  actualBytes: number | null;
  expectedFiles: number | null;
  actualFiles: number | null;
  differencePercent: number | null;
};

export type MigrationSource = {
  id: number;
  uncPath: string;
  driveLetter: string | null;
  kind: "shared" | "home";
  ownerUpn: string | null;
  directorate: string | null;
  waveId: number | null;
  wave: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  state: SourceState;
  targetSiteUrl: string | null;
  targetLibrary: string | null;
  targetFolder: string | null;
  plannedBytes: number;
  plannedItems: number;
  migratedBytes: number;
  migratedItems: number;
  failedItems: number;
  taskStatus: string | null;
  completedWithFailures: boolean;
  failureReason: string | null;
  verification: MigrationVerification | null;
};

export type FailureCause =
  | "path-too-long"
  | "invalid-characters"
  | "file-too-large"
  | "checked-out"
  | "permission"
  | "server-failure"
  | "other";

export type FailureGroup = { cause: FailureCause; label: string; items: number; examples: string[] };

/** GET /ict/migration. */
export type MigrationOverview = {
  waves: MigrationWave[];
  directorates: { directorate: string; totals: MigrationTotals }[];
  sources: MigrationSource[];
  failures: FailureGroup[];
  tolerancePercent: number;
  syncedAt: string;
};

/** What became of one uploaded file (or each CSV inside an uploaded zip). */
export type ImportOutcome =
  | { fileName: string; kind: string; result: "imported" | "unchanged"; rows: number }
  | { fileName: string; result: "refused"; message: string };

/** POST /ict/migration/import?name=FILE. */
export type ImportAnswer = { outcomes: ImportOutcome[] };

/** GET /my/drives: one of the caller's drives and where it lives now, in words. */
export type MyDrive = {
  id: number;
  label: string;
  kind: "shared" | "home";
  state: SourceState;
  stateLabel: string;
  url: string | null;
  whereNow: string;
};
