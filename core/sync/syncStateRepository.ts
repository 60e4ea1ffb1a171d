import { sql } from "kysely";
import type { Db } from "../store/database";
import type { SyncCounts } from "./syncTables";

/** What a sync needs to carry on: its run number and where it left off. */
export type ClaimedSync = {
  /** Stays the same while an interrupted run is resumed, so "not seen this run" stays true. */
  run: number;
  deltaLink: string | null;
  resumeLink: string | null;
};

/**
 * Takes the lease on a sync so that one instance runs it at a time. Null when
 * another holder's lease has not expired. The decision is one conditional update.
 */
export async function claimSync(db: Db, name: string, holder: string, leaseMs: number): Promise<ClaimedSync | null> {
  await db
    .insertInto("sync_state")
    .values({ name })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await db
    .updateTable("sync_state")
    .set({
      lease_holder: holder,
      lease_until: sql<Date>`now() + ${`${Math.ceil(leaseMs / 1000)} seconds`}::interval`,
      run_number: sql<number>`case when resume_link is null then run_number + 1 else run_number end`,
    })
    .where("name", "=", name)
    .where((eb) =>
      eb.or([eb("lease_until", "is", null), eb("lease_until", "<", sql<Date>`now()`), eb("lease_holder", "=", holder)]),
    )
    .returning(["run_number", "delta_link", "resume_link"])
    .executeTakeFirst();
  return row ? { run: row.run_number, deltaLink: row.delta_link, resumeLink: row.resume_link } : null;
}

/** Records where a sync has got to (after each page) and extends its lease. */
export async function saveSyncProgress(
  db: Db,
  name: string,
  holder: string,
  resumeLink: string | null,
  leaseMs: number,
) {
  await db
    .updateTable("sync_state")
    .set({
      resume_link: resumeLink,
      lease_until: sql<Date>`now() + ${`${Math.ceil(leaseMs / 1000)} seconds`}::interval`,
    })
    .where("name", "=", name)
    .where("lease_holder", "=", holder)
    .execute();
}

export async function completeSync(
  db: Db,
  name: string,
  holder: string,
  result: { deltaLink?: string | null; counts: SyncCounts },
) {
  await db
    .updateTable("sync_state")
    .set({
      ...(result.deltaLink !== undefined ? { delta_link: result.deltaLink } : {}),
      resume_link: null,
      lease_holder: null,
      lease_until: null,
      last_success_at: sql<Date>`now()`,
      last_counts: JSON.stringify(result.counts),
      last_error: null,
    })
    .where("name", "=", name)
    .where("lease_holder", "=", holder)
    .execute();
}

/** Ends a failed run; its resume link stays so the next run carries on from there. */
export async function failSync(db: Db, name: string, holder: string, error: string) {
  await db
    .updateTable("sync_state")
    .set({ lease_holder: null, lease_until: null, last_error: error, last_error_at: sql<Date>`now()` })
    .where("name", "=", name)
    .where("lease_holder", "=", holder)
    .execute();
}

/** Forgets a delta link Graph no longer accepts, so the next run starts afresh. */
export async function resetDelta(db: Db, name: string) {
  await db.updateTable("sync_state").set({ delta_link: null, resume_link: null }).where("name", "=", name).execute();
}

export async function startSyncRun(db: Db, name: string): Promise<number> {
  const row = await db
    .insertInto("sync_run")
    .values({ name, started_at: new Date(), status: "running" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishSyncRun(
  db: Db,
  id: number,
  outcome: { status: "succeeded" | "failed"; counts: SyncCounts; error?: string },
) {
  await db
    .updateTable("sync_run")
    .set({
      finished_at: new Date(),
      status: outcome.status,
      counts: JSON.stringify(outcome.counts),
      error: outcome.error ?? null,
    })
    .where("id", "=", id)
    .execute();
}

/** Each sync's last success, counts and error: what the dashboards show as "data as of". */
export async function syncStatuses(db: Db) {
  return db
    .selectFrom("sync_state")
    .select(["name", "last_success_at", "last_counts", "last_error", "last_error_at", "lease_until"])
    .orderBy("name")
    .execute();
}

/** Whether a sync has ever finished successfully on this store. */
export async function hasSucceeded(db: Db, name: string): Promise<boolean> {
  const row = await db
    .selectFrom("sync_state")
    .select("name")
    .where("name", "=", name)
    .where("last_success_at", "is not", null)
    .executeTakeFirst();
  return row !== undefined;
}
