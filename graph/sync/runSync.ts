import {
  claimSync,
  completeSync,
  failSync,
  finishSyncRun,
  saveSyncProgress,
  startSyncRun,
} from "../../core/sync/syncStateRepository";
import type { SyncCounts } from "../../core/sync/syncTables";
import type { SyncDeps, SyncJob } from "./syncContext";

export type SyncOutcome =
  | { status: "succeeded"; counts: SyncCounts; durationMs: number }
  | { status: "failed"; error: string; durationMs: number }
  | { status: "busy" };

/**
 * Runs one sync under its lease and records the run. A failure leaves the
 * resume link in place, so the next run carries on where this one stopped.
 */
export async function runSync(deps: SyncDeps, job: SyncJob): Promise<SyncOutcome> {
  const claimed = await claimSync(deps.db, job.name, deps.holder, job.leaseMs);
  if (!claimed) {
    deps.log.info({ sync: job.name }, "sync already running elsewhere");
    return { status: "busy" };
  }
  const started = Date.now();
  const runId = await startSyncRun(deps.db, job.name);
  const log = deps.log.child({ sync: job.name, run: claimed.run });
  log.info({ resuming: claimed.resumeLink !== null, incremental: claimed.deltaLink !== null }, "sync started");
  try {
    const result = await job.run({
      ...deps,
      log,
      claimed,
      saveProgress: (link) => saveSyncProgress(deps.db, job.name, deps.holder, link, job.leaseMs),
      progress: (phase, done) => {
        deps.signal?.throwIfAborted();
        deps.onProgress?.({ sync: job.name, phase, done });
      },
    });
    await completeSync(deps.db, job.name, deps.holder, result);
    await finishSyncRun(deps.db, runId, { status: "succeeded", counts: result.counts });
    const durationMs = Date.now() - started;
    log.info({ counts: result.counts, durationMs }, "sync finished");
    return { status: "succeeded", counts: result.counts, durationMs };
  } catch (error) {
    if (deps.signal?.aborted) {
      await failSync(deps.db, job.name, deps.holder, "stopped at shutdown").catch(() => {});
      await finishSyncRun(deps.db, runId, { status: "failed", counts: {}, error: "stopped at shutdown" }).catch(
        () => {},
      );
      log.info("sync stopped at shutdown; the next run resumes where it stopped");
      return { status: "failed", error: "stopped at shutdown", durationMs: Date.now() - started };
    }
    const message = describeGraphError(error);
    await failSync(deps.db, job.name, deps.holder, message).catch(() => {});
    await finishSyncRun(deps.db, runId, { status: "failed", counts: {}, error: message }).catch(() => {});
    log.error({ err: error }, "sync failed; the next run resumes where this one stopped");
    return { status: "failed", error: message, durationMs: Date.now() - started };
  }
}

/** Graph errors carry a status and code; keep both in the stored message. */
export function describeGraphError(error: unknown): string {
  const e = error as { statusCode?: number; code?: string; message?: string };
  if (e?.statusCode && e.statusCode > 0)
    return `Graph answered ${e.statusCode}${e.code ? ` ${e.code}` : ""}: ${e.message ?? ""}`.trim();
  return e?.message ?? String(error);
}

/** Whether Graph refused a saved delta or next link as too old. */
export const isExpiredLink = (error: unknown) => {
  const e = error as { statusCode?: number; code?: string };
  return e?.statusCode === 410 || e?.code === "SyncStateNotFound" || e?.code === "resyncRequired";
};
