import { type Kysely, sql } from "kysely";

/**
 * Self-help questions with their outcome and feedback, and service-desk
 * tickets with notes and the requester's satisfaction: what ICT needs to see
 * how self-help is doing and to improve it.
 */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable("selfhelp_question")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("asked_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("user_aad_id", "text")
    .addColumn("conversation_id", "text", (c) => c.notNull())
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("confidence", "text", (c) => c.notNull())
    .addColumn("top_article_id", "text")
    .addColumn("results", "jsonb", (c) => c.notNull())
    .addColumn("feedback", "text")
    .addColumn("feedback_at", "timestamptz")
    .addColumn("ticket_id", "integer")
    .execute();
  await db.schema.createIndex("selfhelp_question_asked").on("selfhelp_question").column("asked_at").execute();

  await db.schema
    .createTable("ticket")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("requester_aad_id", "text", (c) => c.notNull())
    .addColumn("requester_name", "text")
    .addColumn("requester_conversation_id", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("transcript", "jsonb", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open"))
    .addColumn("assignee_aad_id", "text")
    .addColumn("assignee_name", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("assigned_at", "timestamptz")
    .addColumn("resolved_at", "timestamptz")
    .addColumn("resolution", "text")
    .addColumn("satisfaction", "integer", (c) => c.check(sql`satisfaction between 1 and 5`))
    .addColumn("satisfaction_at", "timestamptz")
    .addColumn("channel_conversation_id", "text")
    .addColumn("channel_activity_id", "text")
    .execute();
  await db.schema.createIndex("ticket_requester").on("ticket").column("requester_aad_id").execute();

  await db.schema
    .createTable("ticket_note")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("ticket_id", "integer", (c) => c.notNull().references("ticket.id").onDelete("cascade"))
    .addColumn("author_aad_id", "text", (c) => c.notNull())
    .addColumn("author_name", "text")
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable("ticket_note").execute();
  await db.schema.dropTable("ticket").execute();
  await db.schema.dropTable("selfhelp_question").execute();
}
