import type { Db } from "../store/database";
import type { AuditVia, Person, RequestStatus } from "./requestTables";

export type AuditEntry = {
  requestId: number;
  actor: Person | null;
  action: string;
  from: RequestStatus | null;
  to: RequestStatus | null;
  via: AuditVia;
  detail?: Record<string, unknown>;
};

/** One line of a request's history; the table refuses updates and deletes. */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("device_request_audit")
    .values({
      request_id: entry.requestId,
      actor_aad_id: entry.actor?.aadObjectId ?? null,
      actor_name: entry.actor?.name ?? null,
      action: entry.action,
      from_status: entry.from,
      to_status: entry.to,
      via: entry.via,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}

/** A request's history, oldest first. */
export async function auditOf(db: Db, requestId: number) {
  return db.selectFrom("device_request_audit").selectAll().where("request_id", "=", requestId).orderBy("id").execute();
}
