import type { ColumnType, Generated } from "kysely";

/** Where a source is in its move, in order. */
export const sourceStates = [
  "planned",
  "scanned",
  "migrating",
  "migrated",
  "verified",
  "read-only",
  "decommissioned",
] as const;
export type SourceState = (typeof sourceStates)[number];

/** A departmental share (S: drive, team folder) goes to a SharePoint library; a home drive (H:) to its owner's OneDrive. */
export type SourceKind = "shared" | "home";

/** What became of one item in a round: failed items are the ones to fix. */
export type ItemStatus = "migrated" | "failed" | "skipped";

type DateColumn = ColumnType<string, string, string>;

export type MigrationWaveTable = {
  id: Generated<number>;
  name: string;
  directorates: ColumnType<string[], string, string>;
  starts_on: DateColumn | null;
  ends_on: DateColumn | null;
  created_at: Generated<Date>;
};

export type MigrationSourceTable = {
  id: Generated<number>;
  /** The UNC path in lower case with no trailing backslash: how reports find the source. */
  path_key: string;
  unc_path: string;
  drive_letter: string | null;
  kind: SourceKind;
  owner_upn: string | null;
  directorate: string | null;
  wave_id: number | null;
  planned_start: DateColumn | null;
  planned_end: DateColumn | null;
  state: SourceState;
  target_site_url: string | null;
  target_library: string | null;
  target_folder: string | null;
  task_id: string | null;
  scan_bytes: number | null;
  scan_files: number | null;
  scan_folders: number | null;
  scan_longest_path: number | null;
  scan_readiness: string | null;
  scanned_at: Date | null;
  updated_at: Generated<Date>;
};

export type MigrationImportTable = {
  id: Generated<number>;
  file_name: string;
  kind: string;
  sha256: string;
  rows: number;
  imported_at: Generated<Date>;
};

export type MigrationTaskTable = {
  task_id: string;
  source_id: number | null;
  source_path: string | null;
  destination: string | null;
  task_name: string | null;
  status: string | null;
  failure_reason: string | null;
  last_round: number | null;
  total_bytes: number | null;
  migrated_bytes: number | null;
  total_items: number | null;
  migrated_items: number | null;
  failed_items: number | null;
  scan_items: number | null;
  scan_items_with_issues: number | null;
  ended_at: Date | null;
  updated_at: Generated<Date>;
};

export type MigrationTaskRoundTable = {
  task_id: string;
  round: number;
  status: string | null;
  total_bytes: number | null;
  migrated_bytes: number | null;
  total_items: number | null;
  migrated_items: number | null;
  failed_items: number | null;
  started_at: Date | null;
  ended_at: Date | null;
  import_id: number;
};

export type MigrationItemTable = {
  task_id: string;
  item_path: string;
  /** The latest incremental round that reported the item: an earlier round never overwrites it. */
  round: number;
  status: ItemStatus;
  size_bytes: number | null;
  result_category: string | null;
  error_code: string | null;
  message: string | null;
  cause: string | null;
  import_id: number;
};

export type MigrationFailureSummaryTable = {
  task_id: string;
  round: number;
  error_code: string;
  message: string;
  item_count: number;
  import_id: number;
};

export type MigrationFatalErrorTable = {
  task_id: string;
  round: number;
  line: number;
  error_code: string | null;
  message: string;
  import_id: number;
};
