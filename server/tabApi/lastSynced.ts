import type { Db } from "../../core/store/database";

/** When a Graph sync last succeeded: the "data as of" the tabs show. Null before the first. */
export async function lastSyncedAt(db: Db, sync: "devices" | "users"): Promise<Date | null> {
  const row = await db.selectFrom("sync_state").select("last_success_at").where("name", "=", sync).executeTakeFirst();
  return row?.last_success_at ?? null;
}
