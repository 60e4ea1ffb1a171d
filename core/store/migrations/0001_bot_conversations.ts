import { type Kysely, sql } from "kysely";

/** Where the bot can reach people: conversations and the Entra users in them. */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable("bot_conversation")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("conversation_type", "text", (c) => c.notNull())
    .addColumn("tenant_id", "text")
    .addColumn("service_url", "text", (c) => c.notNull())
    .addColumn("reference", "jsonb", (c) => c.notNull())
    .addColumn("installed", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("welcomed_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("bot_user")
    .addColumn("aad_object_id", "text", (c) => c.primaryKey())
    .addColumn("teams_user_id", "text", (c) => c.notNull())
    .addColumn("tenant_id", "text")
    .addColumn("personal_conversation_id", "text", (c) => c.references("bot_conversation.id").onDelete("set null"))
    .addColumn("locale", "text")
    .addColumn("first_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("app_instance")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("host", "text", (c) => c.notNull())
    .addColumn("pid", "integer", (c) => c.notNull())
    .addColumn("version", "text", (c) => c.notNull())
    .addColumn("started_at", "timestamptz", (c) => c.notNull())
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable("app_instance").execute();
  await db.schema.dropTable("bot_user").execute();
  await db.schema.dropTable("bot_conversation").execute();
}
