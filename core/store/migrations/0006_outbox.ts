import { type Kysely, sql } from "kysely";

/**
 * The outbox every proactive message goes through: one row per message, one
 * per (message, recipient) delivery, and the app's shared sending budget so
 * that several instances together stay under Teams' 50 messages a second.
 */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable("outbox_message")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("key", "text", (c) => c.notNull().unique())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("subject", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("activity", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("cancelled_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("outbox_delivery")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("message_id", "bigint", (c) => c.notNull().references("outbox_message.id"))
    // "person:{aadObjectId}" or "conversation:{id}": with message_id, the idempotency key.
    .addColumn("recipient", "text", (c) => c.notNull())
    .addColumn("person_aad_id", "text")
    .addColumn("conversation_id", "text")
    // 0 for a message someone is waiting on (an approval card), 1 for a broadcast such as a pulse.
    .addColumn("priority", "smallint", (c) => c.notNull().defaultTo(1))
    .addColumn("operation", "text", (c) => c.notNull().defaultTo("send"))
    .addColumn("target_activity_id", "text")
    .addColumn("activity", "jsonb")
    .addColumn("state", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("claimed_by", "text")
    .addColumn("lease_until", "timestamptz")
    .addColumn("sending_since", "timestamptz")
    .addColumn("activity_id", "text")
    .addColumn("reason", "text")
    .addColumn("detail", "text")
    .addColumn("possible_duplicate", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("sent_at", "timestamptz")
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("outbox_delivery_once", ["message_id", "recipient"])
    .execute();
  await db.schema
    .createIndex("outbox_delivery_due")
    .on("outbox_delivery")
    .columns(["priority", "next_attempt_at", "id"])
    .where(sql.ref("state"), "=", "pending")
    .execute();
  await db.schema
    .createIndex("outbox_delivery_in_hand")
    .on("outbox_delivery")
    .column("lease_until")
    .where(sql.ref("state"), "in", sql`('claimed', 'sending')`)
    .execute();
  await db.schema
    .createIndex("outbox_delivery_busy_conversation")
    .on("outbox_delivery")
    .column("conversation_id")
    .where(sql.ref("state"), "in", sql`('claimed', 'sending')`)
    .execute();
  await db.schema.createIndex("outbox_delivery_message").on("outbox_delivery").column("message_id").execute();

  await db.schema
    .createTable("outbox_budget")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("next_slot_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`insert into outbox_budget (name) values ('app')`.execute(db);
}
