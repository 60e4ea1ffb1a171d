import { sql } from "kysely";
import type { Db } from "../store/database";

/** This process, as other instances and the health views see it. */
export type InstanceIdentity = { id: string; host: string; pid: number; version: string; startedAt: Date };

/** Records that this instance is alive; run on a schedule by the heartbeat worker. */
export async function recordHeartbeat(db: Db, instance: InstanceIdentity): Promise<void> {
  await db
    .insertInto("app_instance")
    .values({
      id: instance.id,
      host: instance.host,
      pid: instance.pid,
      version: instance.version,
      started_at: instance.startedAt,
      last_seen_at: sql<Date>`now()`,
    })
    .onConflict((oc) => oc.column("id").doUpdateSet({ last_seen_at: sql<Date>`now()` }))
    .execute();
}

/** Forgets instances not seen for the given time; returns how many were removed. */
export async function forgetSilentInstances(db: Db, silentForMs: number): Promise<number> {
  const result = await db
    .deleteFrom("app_instance")
    .where("last_seen_at", "<", sql<Date>`now() - ${`${Math.round(silentForMs / 1000)} seconds`}::interval`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Instances seen within the given time, newest first. */
export async function liveInstances(db: Db, seenWithinMs: number) {
  return db
    .selectFrom("app_instance")
    .selectAll()
    .where("last_seen_at", ">=", sql<Date>`now() - ${`${Math.round(seenWithinMs / 1000)} seconds`}::interval`)
    .orderBy("last_seen_at", "desc")
    .execute();
}
