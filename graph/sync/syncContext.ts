import type { Client } from "@microsoft/microsoft-graph-client";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Database } from "../../core/store/database";
import type { ClaimedSync } from "../../core/sync/syncStateRepository";
import type { SyncCounts } from "../../core/sync/syncTables";
import type { PacerLike } from "../client/pacer";

/** What every sync job is given. */
export type SyncDeps = {
  db: Kysely<Database>;
  client: Client;
  log: Logger;
  /** Who holds the lease: this instance's id. */
  holder: string;
  /** Intune's per-device reads. */
  intunePacer: PacerLike;
  /** Usage-report CSV requests: Graph limits each report separately. */
  reportPacer: (report: string) => PacerLike;
  /** Today as YYYY-MM-DD (the dev tenant's today in dev). */
  today: () => string;
  /** Days of usage-report snapshots to keep. */
  usageRetentionDays: number;
  /** Told how far a sync has got, for progress bars. */
  onProgress?: (event: SyncProgress) => void;
  /** How waits between $batch rounds are spent (tests count them instead). */
  sleep?: (ms: number) => Promise<void>;
  /** Aborted at shutdown: a run stops between pages, keeping its place for the next. */
  signal?: AbortSignal;
};

export type SyncProgress = { sync: SyncName; phase: string; done: number };

export type SyncName = "users" | "devices" | "sites" | "reports";

/** A job's view of its run: the claimed state and how to record progress. */
export type SyncRun = SyncDeps & {
  claimed: ClaimedSync;
  /** Saves where the run has got to (a next link), extending the lease. */
  saveProgress(resumeLink: string | null): Promise<void>;
  progress(phase: string, done: number): void;
};

export type SyncJob = {
  name: SyncName;
  /** How long a lease lasts without progress before another instance may take over. */
  leaseMs: number;
  run(run: SyncRun): Promise<{ counts: SyncCounts; deltaLink?: string | null }>;
};

/** $batch settings for a run: its sleep, so tests can count waits rather than spend them. */
export const batchOptions = (run: SyncRun) => (run.sleep ? { sleep: run.sleep } : {});
