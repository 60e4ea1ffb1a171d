import { type Kysely, sql, type UpdateObject, type UpdateQueryBuilder, type UpdateResult } from "kysely";
import type { Database } from "../store/database";
import { type AuditEntry, appendAudit } from "./requestAudit";
import type { DeviceRequest } from "./requestTables";

type RequestUpdate = UpdateQueryBuilder<Database, "device_request", "device_request", UpdateResult>;

/**
 * One change to a request, made only while the row is as `guard` expects, with
 * its line in the audit trail in the same transaction. Every change bumps the
 * version, so a card or a chaser holding an older one can tell. Returns the
 * changed row, or nothing when the guard no longer held (someone else won).
 */
export async function changeRequest(
  db: Kysely<Database>,
  requestId: number,
  change: {
    guard: (update: RequestUpdate) => RequestUpdate;
    set: UpdateObject<Database, "device_request">;
    audit: Omit<AuditEntry, "requestId">;
  },
): Promise<DeviceRequest | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await change
      .guard(
        trx
          .updateTable("device_request")
          .set({ ...change.set, updated_at: sql`now()`, version: sql`version + 1` })
          .where("id", "=", requestId),
      )
      .returningAll()
      .executeTakeFirst();
    if (row) await appendAudit(trx, { requestId: row.id, ...change.audit });
    return row;
  });
}
