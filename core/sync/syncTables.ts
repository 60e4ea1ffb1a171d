import type { ColumnType, Generated } from "kysely";

/** Counts a sync reports, by what it did ("upserted", "removed", ...). */
export type SyncCounts = Record<string, number>;

export type SyncStateTable = {
  name: string;
  delta_link: string | null;
  resume_link: string | null;
  run_number: Generated<number>;
  lease_holder: string | null;
  lease_until: Date | null;
  last_success_at: Date | null;
  last_counts: ColumnType<SyncCounts | null, string | null, string | null>;
  last_error: string | null;
  last_error_at: Date | null;
};

export type SyncRunTable = {
  id: Generated<number>;
  name: string;
  started_at: Date;
  finished_at: Date | null;
  status: "running" | "succeeded" | "failed";
  counts: ColumnType<SyncCounts | null, string | null, string | null>;
  error: string | null;
};
