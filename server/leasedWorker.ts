import { setTimeout as sleep } from "node:timers/promises";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { claimJob, finishJob, type JobClaim, releaseSyncLeaseOf, renewJob } from "../core/jobs/jobLease";
import type { Database } from "../core/store/database";
import type { SyncDeps } from "../graph/sync/syncContext";
import { syncWorkers } from "./syncWorkers";
import type { Worker } from "./workers";

/** What every leased job shares: the store, this instance's id and the lease's length. */
export type LeaseDeps = {
  db: Kysely<Database>;
  log: Logger;
  /** This instance's id (as in `app_instance`). */
  holder: string;
  /** How long a claim lasts without renewal; renewed every third of it while the job runs. */
  leaseMs: number;
  /** Tests only: every leased job's interval instead of its own (TEST_JOB_INTERVAL_SECONDS). */
  intervalMs?: number | null;
  /** The clock the due time is read from (epoch ms). */
  now?: () => number;
  /** False: ask at once on each poll, without the random wait that spreads jobs over instances (tests). */
  jitter?: boolean;
};

export type LeaseOptions = {
  /** Called before a run that takes over from a holder that stopped renewing its lease. */
  onTakeOver?: (previousHolder: string) => Promise<void>;
};

/**
 * How often an instance asks whether a leased job is due: often enough that
 * a due time starts within seconds of its start and a takeover follows soon
 * after a lease expires, at one small query per job each time.
 */
export const leasePollMs = (intervalMs: number, leaseMs: number) =>
  Math.round(Math.max(250, Math.min(intervalMs / 12, leaseMs / 3, 5_000)));

/**
 * Runs a scheduled job once per due time across every instance sharing the
 * store. The due time is the job's interval slot, floor(now / interval); the
 * worker asks every few seconds and runs the job only when it claims the slot
 * (`claimJob`). While it runs the lease is renewed; if this instance dies, the
 * lease expires and another instance takes the run over. Losing the lease
 * (another took over while this one could not reach the store) aborts the
 * run's signal. Shutdown aborts it too, and leaves the due time to be taken
 * over at once. startWorkers still keeps a worker from overlapping itself.
 */
export function leased(worker: Worker, deps: LeaseDeps, options: LeaseOptions = {}): Worker {
  const intervalMs = deps.intervalMs ?? worker.intervalMs;
  const now = deps.now ?? Date.now;
  const pollMs = leasePollMs(intervalMs, deps.leaseMs);
  return {
    name: worker.name,
    intervalMs: pollMs,
    async perform(signal) {
      // A random wait of up to one poll, so that instances share the jobs out rather than the
      // one whose timer happens to fire first after each due time taking them all.
      if (deps.jitter !== false) await sleep(Math.random() * pollMs, undefined, { signal }).catch(() => {});
      if (signal.aborted) return;
      const claim = await claimJob(deps.db, {
        job: worker.name,
        slot: Math.floor(now() / intervalMs),
        intervalMs,
        holder: deps.holder,
        leaseMs: deps.leaseMs,
      });
      if (!claim) return;
      await runClaimed(worker, claim, signal, deps, options);
    },
  };
}

async function runClaimed(
  worker: Worker,
  claim: JobClaim,
  signal: AbortSignal,
  deps: LeaseDeps,
  options: LeaseOptions,
) {
  const log = deps.log.child({ worker: worker.name, dueAt: claim.dueAt.toISOString() });
  const lost = new AbortController();
  const renewal = keepRenewing(claim, deps, log, () => lost.abort());
  try {
    if (claim.tookOverFrom !== null) {
      log.warn({ from: claim.tookOverFrom }, "taking over a scheduled job from an instance that stopped renewing it");
      await options.onTakeOver?.(claim.tookOverFrom);
    }
    await worker.perform(AbortSignal.any([signal, lost.signal]));
  } catch (error) {
    renewal.stop();
    if (!lost.signal.aborted) {
      await finishJob(
        deps.db,
        claim,
        signal.aborted ? "stopped" : "failed",
        String((error as Error)?.message ?? error),
      );
    }
    throw error;
  }
  renewal.stop();
  if (lost.signal.aborted) return;
  await finishJob(deps.db, claim, signal.aborted ? "stopped" : "succeeded");
}

/** Renews the claim every third of the lease until stopped; tells `onLost` if another holder has taken it. */
function keepRenewing(claim: JobClaim, deps: LeaseDeps, log: Logger, onLost: () => void) {
  let renewing = false;
  const timer = setInterval(
    () => {
      if (renewing) return;
      renewing = true;
      renewJob(deps.db, claim, deps.leaseMs)
        .then((held) => {
          if (held) return;
          clearInterval(timer);
          log.warn("lost the lease on a scheduled job to another instance; stopping this run");
          onLost();
        })
        .catch((error: unknown) => log.warn({ err: error }, "could not renew a scheduled job's lease; trying again"))
        .finally(() => {
          renewing = false;
        });
    },
    Math.max(100, Math.floor(deps.leaseMs / 3)),
  );
  return { stop: () => clearInterval(timer) };
}

/**
 * The Graph syncs' workers, each leased. A takeover also frees the sync's own
 * lease (in `sync_state`) held by the instance that stopped, so the sync
 * carries on from its saved place at once.
 */
export function leasedSyncWorkers(syncDeps: SyncDeps, deps: LeaseDeps): Worker[] {
  return syncWorkers(syncDeps).map((worker) =>
    leased(worker, deps, {
      onTakeOver: (previousHolder) =>
        releaseSyncLeaseOf(syncDeps.db, worker.name.replace(/^sync-/, ""), previousHolder),
    }),
  );
}
