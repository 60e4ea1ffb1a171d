import { type Kysely, sql } from "kysely";

/**
 * Collaboration adoption. `adoption_person_day` holds each person's use of
 * Teams and Microsoft 365 on one day, merged from the daily usage reports; it
 * is per person, so it is kept only as long as the figures built from it need
 * (see core/adoption/retention.ts). `adoption_group_period` holds the figures
 * per council, directorate and service for each day, week and month, kept for
 * USAGE_RETENTION_DAYS: the programme's history. Targets, champions and tips
 * are ICT's own records.
 */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable("adoption_person_day")
    .addColumn("day", "date", (c) => c.notNull())
    .addColumn("person", "text", (c) => c.notNull())
    .addColumn("user_id", "text")
    .addColumn("directorate", "text")
    .addColumn("service", "text")
    .addColumn("reports", "smallint", (c) => c.notNull().defaultTo(0))
    .addColumn("teams_active", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("team_chat", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("private_chat", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("posts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("calls", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("meetings_organised", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("meetings_attended", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("teams_platforms", "smallint", (c) => c.notNull().defaultTo(0))
    .addColumn("apps_platforms", "smallint", (c) => c.notNull().defaultTo(0))
    .addColumn("apps_activated", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("emails_sent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("email_active", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("onedrive_active", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("sharepoint_active", "boolean", (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint("adoption_person_day_pk", ["day", "person"])
    .execute();
  await db.schema
    .createIndex("adoption_person_day_by_user")
    .on("adoption_person_day")
    .columns(["user_id", "day"])
    .execute();

  await db.schema
    .createTable("adoption_group_period")
    .addColumn("period", "text", (c) => c.notNull().check(sql`period in ('day', 'week', 'month')`))
    .addColumn("start", "date", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull().check(sql`level in ('council', 'directorate', 'service')`))
    .addColumn("directorate", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("service", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("concealed", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("days_covered", "smallint", (c) => c.notNull())
    .addColumn("staff", "integer", (c) => c.notNull())
    .addColumn("reported", "integer", (c) => c.notNull())
    .addColumn("teams_active", "integer", (c) => c.notNull())
    .addColumn("chatting", "integer", (c) => c.notNull())
    .addColumn("meeting", "integer", (c) => c.notNull())
    .addColumn("calling", "integer", (c) => c.notNull())
    .addColumn("team_chat", "bigint", (c) => c.notNull())
    .addColumn("private_chat", "bigint", (c) => c.notNull())
    .addColumn("posts", "bigint", (c) => c.notNull())
    .addColumn("calls", "bigint", (c) => c.notNull())
    .addColumn("meetings_organised", "bigint", (c) => c.notNull())
    .addColumn("meetings_attended", "bigint", (c) => c.notNull())
    .addColumn("teams_desktop", "integer", (c) => c.notNull())
    .addColumn("teams_web", "integer", (c) => c.notNull())
    .addColumn("teams_mobile", "integer", (c) => c.notNull())
    .addColumn("multi_platform", "integer", (c) => c.notNull())
    .addColumn("emails_sent", "bigint", (c) => c.notNull())
    .addColumn("email_active", "integer", (c) => c.notNull())
    .addColumn("onedrive_active", "integer", (c) => c.notNull())
    .addColumn("sharepoint_active", "integer", (c) => c.notNull())
    .addColumn("content_active", "integer", (c) => c.notNull())
    .addColumn("apps_activated", "integer", (c) => c.notNull())
    .addColumn("computed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("adoption_group_period_pk", ["period", "start", "level", "directorate", "service"])
    .execute();

  await db.schema
    .createTable("adoption_target")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("directorate", "text", (c) => c.notNull())
    .addColumn("measure", "text", (c) => c.notNull())
    .addColumn("target_percent", "real", (c) => c.notNull())
    .addColumn("due", "date", (c) => c.notNull())
    .addColumn("set_by", "text", (c) => c.notNull())
    .addColumn("set_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("adoption_target_per_measure", ["directorate", "measure"])
    .execute();

  await db.schema
    .createTable("adoption_champion")
    .addColumn("directorate", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("added_by", "text", (c) => c.notNull())
    .addColumn("added_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("adoption_champion_pk", ["directorate", "user_id"])
    .execute();

  await db.schema
    .createTable("adoption_tip_campaign")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("tip", "text", (c) => c.notNull())
    .addColumn("audience", "jsonb", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("outbox_message_id", "bigint")
    .addColumn("recipients", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("skipped_recent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("skipped_opted_out", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("before_active", "integer")
    .addColumn("after_active", "integer")
    .addColumn("after_measured_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("adoption_tip_recipient")
    .addColumn("campaign_id", "integer", (c) => c.notNull().references("adoption_tip_campaign.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("sent_on", "date", (c) => c.notNull())
    .addPrimaryKeyConstraint("adoption_tip_recipient_pk", ["campaign_id", "user_id"])
    .execute();
  await db.schema
    .createIndex("adoption_tip_recipient_by_user")
    .on("adoption_tip_recipient")
    .columns(["user_id", "sent_on"])
    .execute();

  await db.schema
    .createTable("adoption_tip_opt_out")
    .addColumn("user_id", "text", (c) => c.primaryKey())
    .addColumn("opted_out_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>) {
  for (const table of [
    "adoption_tip_opt_out",
    "adoption_tip_recipient",
    "adoption_tip_campaign",
    "adoption_champion",
    "adoption_target",
    "adoption_group_period",
    "adoption_person_day",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
