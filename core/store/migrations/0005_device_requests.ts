import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable("device_request")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("requester_aad_id", "text", (c) => c.notNull())
    .addColumn("requester_name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("urgency", "text", (c) => c.notNull())
    .addColumn("eligibility", "text", (c) => c.notNull())
    .addColumn("justification", "text")
    .addColumn("current_devices", "jsonb", (c) => c.notNull())
    .addColumn("approvers", "jsonb", (c) => c.notNull())
    .addColumn("approver_source", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("decided_by_aad_id", "text")
    .addColumn("decided_by_name", "text")
    .addColumn("decision_comment", "text")
    .addColumn("decided_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("asked_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("reminders_sent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("escalations", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("requester_card", "jsonb")
    .addColumn("approver_cards", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("desk_card", "jsonb")
    .execute();
  await db.schema.createIndex("device_request_requester").on("device_request").column("requester_aad_id").execute();
  await db.schema
    .createIndex("device_request_pending")
    .on("device_request")
    .column("asked_at")
    .where(sql.ref("status"), "=", "pending")
    .execute();

  await db.schema
    .createTable("device_request_audit")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("request_id", "integer", (c) => c.notNull().references("device_request.id"))
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("actor_aad_id", "text")
    .addColumn("actor_name", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text")
    .addColumn("via", "text", (c) => c.notNull())
    .addColumn("detail", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.createIndex("device_request_audit_request").on("device_request_audit").column("request_id").execute();
  // Append-only in the database itself, not just by convention in the code.
  await sql`create function device_request_audit_append_only() returns trigger language plpgsql as $$
    begin raise exception 'device_request_audit is append-only'; end $$`.execute(db);
  await sql`create trigger device_request_audit_no_change before update or delete on device_request_audit
    for each row execute function device_request_audit_append_only()`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable("device_request_audit").execute();
  await sql`drop function device_request_audit_append_only()`.execute(db);
  await db.schema.dropTable("device_request").execute();
}
