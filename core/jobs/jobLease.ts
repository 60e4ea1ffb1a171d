import { type Kysely, sql } from "kysely";
import type { Database, Db } from "../store/database";
import type { JobOutcome } from "./jobTables";

/** A scheduled job's run this instance has claimed: the due time, and the tokens that prove it still holds it. */
export type JobClaim = {
  job: string;
  /** The due time: floor(epoch ms / interval). */
  slot: number;
  dueAt: Date;
  holder: string;
  version: number;
  runId: number;
  /** The holder whose unfinished run this claim takes over (its lease expired); null for a new due time. */
  tookOverFrom: string | null;
};

/** How long `job_run` keeps its record of runs. */
export const jobRunRetentionDays = 30;

const leaseUntil = (leaseMs: number) => sql<Date>`now() + ${Math.round(leaseMs)}::integer * interval '1 millisecond'`;

/**
 * Claims a scheduled job's due time for this holder, or returns null when
 * there is nothing for it to do: the slot (or a later one) is done, or another
 * holder's run is under way with its lease unexpired. A run left unfinished
 * by a holder whose lease expired (it died, or stopped at shutdown) is taken
 * over for the slot it was running, before any later slot.
 *
 * The decision is a compare-and-set: one conditional update of the job's
 * `job_lease` row (or the insert of its first), so of any number of
 * instances asking at once, one gets each due time.
 */
export async function claimJob(
  db: Kysely<Database>,
  request: { job: string; slot: number; intervalMs: number; holder: string; leaseMs: number },
): Promise<JobClaim | null> {
  const { job, holder, leaseMs } = request;
  const current = await db
    .selectFrom("job_lease")
    .select(["slot", "due_at", "holder", "version", "finished_at", sql<boolean>`lease_until <= now()`.as("expired")])
    .where("job", "=", job)
    .executeTakeFirst();

  if (!current) {
    const dueAt = new Date(request.slot * request.intervalMs);
    return db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto("job_lease")
        .values({
          job,
          slot: request.slot,
          due_at: dueAt,
          holder,
          version: 1,
          lease_until: leaseUntil(leaseMs),
          started_at: sql<Date>`now()`,
          finished_at: null,
        })
        .onConflict((oc) => oc.column("job").doNothing())
        .returning("version")
        .executeTakeFirst();
      if (!inserted) return null;
      const runId = await recordRun(trx, { job, slot: request.slot, dueAt, holder, tookOverFrom: null });
      return { job, slot: request.slot, dueAt, holder, version: inserted.version, runId, tookOverFrom: null };
    });
  }

  // Due times are compared as times, not slot numbers, so that a job whose interval changes
  // (a new release, or TEST_JOB_INTERVAL_SECONDS unset) waits at most one interval.
  const requestedDueAt = new Date(request.slot * request.intervalMs);
  const takingOver = current.finished_at === null;
  if (takingOver && !current.expired) return null;
  if (!takingOver && current.due_at.getTime() >= requestedDueAt.getTime()) return null;
  const slot = takingOver ? Number(current.slot) : request.slot;
  const dueAt = takingOver ? current.due_at : requestedDueAt;
  const tookOverFrom = takingOver ? current.holder : null;

  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable("job_lease")
      .set({
        slot,
        due_at: dueAt,
        holder,
        version: sql<number>`version + 1`,
        lease_until: leaseUntil(leaseMs),
        started_at: sql<Date>`now()`,
        finished_at: null,
      })
      .where("job", "=", job)
      .where("version", "=", current.version)
      .where((eb) =>
        takingOver
          ? eb.and([eb("finished_at", "is", null), eb("lease_until", "<=", sql<Date>`now()`)])
          : eb.and([eb("finished_at", "is not", null), eb("due_at", "<", dueAt)]),
      )
      .returning("version")
      .executeTakeFirst();
    if (!claimed) return null;
    if (tookOverFrom !== null) {
      await trx
        .updateTable("job_run")
        .set({ outcome: "abandoned", finished_at: sql<Date>`now()` })
        .where("job", "=", job)
        .where("holder", "=", tookOverFrom)
        .where("finished_at", "is", null)
        .execute();
    } else {
      await trx
        .deleteFrom("job_run")
        .where("job", "=", job)
        .where("started_at", "<", sql<Date>`now() - ${jobRunRetentionDays}::integer * interval '1 day'`)
        .execute();
    }
    const runId = await recordRun(trx, { job, slot, dueAt, holder, tookOverFrom });
    return { job, slot, dueAt, holder, version: claimed.version, runId, tookOverFrom };
  });
}

async function recordRun(
  db: Db,
  run: { job: string; slot: number; dueAt: Date; holder: string; tookOverFrom: string | null },
): Promise<number> {
  const row = await db
    .insertInto("job_run")
    .values({
      job: run.job,
      slot: run.slot,
      due_at: run.dueAt,
      holder: run.holder,
      took_over_from: run.tookOverFrom,
      outcome: "running",
      finished_at: null,
      error: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Extends the lease of a run still held; false when it is no longer this claim's (another holder took it over). */
export async function renewJob(db: Db, claim: JobClaim, leaseMs: number): Promise<boolean> {
  const result = await db
    .updateTable("job_lease")
    .set({ lease_until: leaseUntil(leaseMs) })
    .where("job", "=", claim.job)
    .where("holder", "=", claim.holder)
    .where("version", "=", claim.version)
    .where("finished_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Ends a claimed run. Succeeded or failed, the due time is done; "stopped"
 * (shutdown) leaves it unfinished with its lease expired, so another instance
 * (or this one, started again) takes it over at once. False when the claim
 * had already been taken over.
 */
export async function finishJob(
  db: Kysely<Database>,
  claim: JobClaim,
  outcome: Exclude<JobOutcome, "running" | "abandoned">,
  error?: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("job_lease")
      .set(
        outcome === "stopped"
          ? { lease_until: sql<Date>`now()` }
          : { lease_until: sql<Date>`now()`, finished_at: sql<Date>`now()` },
      )
      .where("job", "=", claim.job)
      .where("holder", "=", claim.holder)
      .where("version", "=", claim.version)
      .where("finished_at", "is", null)
      .executeTakeFirst();
    await trx
      .updateTable("job_run")
      .set({ outcome, error: error ?? null, finished_at: sql<Date>`now()` })
      .where("id", "=", claim.runId)
      .where("finished_at", "is", null)
      .execute();
    return Number(result.numUpdatedRows) > 0;
  });
}

/**
 * A sync keeps a lease of its own in `sync_state` (so that on-demand syncs and
 * scheduled ones never run together), held for many minutes. When a scheduled
 * sync's job lease is taken over from a holder that stopped renewing it, that
 * holder's sync lease is freed too, so the new holder carries the sync on
 * from its saved place now rather than when the old lease would have run out.
 */
export async function releaseSyncLeaseOf(db: Db, syncName: string, previousHolder: string): Promise<void> {
  await db
    .updateTable("sync_state")
    .set({ lease_holder: null, lease_until: null })
    .where("name", "=", syncName)
    .where("lease_holder", "=", previousHolder)
    .execute();
}
