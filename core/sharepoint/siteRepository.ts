import type { Db } from "../store/database";
import { inChunks } from "../store/inChunks";
import type { SharePointSite } from "./sharePointSite";

export async function upsertSites(db: Db, sites: readonly SharePointSite[], run: number, at: Date) {
  for (const chunk of inChunks(sites, 500)) {
    await db
      .insertInto("sharepoint_site")
      .values(
        chunk.map((s) => ({
          id: s.id,
          name: s.name,
          display_name: s.displayName,
          web_url: s.webUrl,
          created_at: s.createdAt,
          drive_id: s.driveId,
          quota_total_bytes: s.quota?.totalBytes ?? null,
          quota_used_bytes: s.quota?.usedBytes ?? null,
          quota_remaining_bytes: s.quota?.remainingBytes ?? null,
          quota_deleted_bytes: s.quota?.deletedBytes ?? null,
          quota_state: s.quota?.state ?? null,
          root_child_count: s.rootChildCount,
          synced_at: at,
          sync_run: run,
        })),
      )
      .onConflict((oc) =>
        oc.column("id").doUpdateSet((eb) => ({
          name: eb.ref("excluded.name"),
          display_name: eb.ref("excluded.display_name"),
          web_url: eb.ref("excluded.web_url"),
          created_at: eb.ref("excluded.created_at"),
          drive_id: eb.ref("excluded.drive_id"),
          quota_total_bytes: eb.ref("excluded.quota_total_bytes"),
          quota_used_bytes: eb.ref("excluded.quota_used_bytes"),
          quota_remaining_bytes: eb.ref("excluded.quota_remaining_bytes"),
          quota_deleted_bytes: eb.ref("excluded.quota_deleted_bytes"),
          quota_state: eb.ref("excluded.quota_state"),
          root_child_count: eb.ref("excluded.root_child_count"),
          synced_at: eb.ref("excluded.synced_at"),
          sync_run: eb.ref("excluded.sync_run"),
          removed_at: null,
        })),
      )
      .execute();
  }
}

/** After a complete list, sites not seen in this run are gone. */
export async function markSitesNotSeen(db: Db, run: number, at: Date): Promise<number> {
  const result = await db
    .updateTable("sharepoint_site")
    .set({ removed_at: at })
    .where("sync_run", "<", run)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
