import { type Kysely, sql } from "kysely";

/**
 * Satisfaction pulses: the pulse, each run of it, who was asked, who answered
 * (one row each: the key refuses a second answer) and the answers, kept apart
 * from who gave them (see core/pulses/answers.ts), and "you said, we did".
 */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable("pulse")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("definition", "jsonb", (c) => c.notNull())
    .addColumn("anonymous", "boolean", (c) => c.notNull())
    .addColumn("threshold", "integer", (c) => c.notNull())
    .addColumn("created_by_aad_id", "text", (c) => c.notNull())
    .addColumn("created_by_name", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("cancelled_at", "timestamptz")
    .addColumn("next_run_index", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_run_at", "timestamptz")
    .execute();
  await db.schema
    .createIndex("pulse_due")
    .on("pulse")
    .column("next_run_at")
    .where(sql.ref("next_run_at"), "is not", null)
    .execute();

  await db.schema
    .createTable("pulse_run")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("pulse_id", "integer", (c) => c.notNull().references("pulse.id"))
    .addColumn("run_no", "integer", (c) => c.notNull())
    .addColumn("scheduled_for", "timestamptz", (c) => c.notNull())
    .addColumn("sent_at", "timestamptz", (c) => c.notNull())
    .addColumn("closes_at", "timestamptz", (c) => c.notNull())
    .addColumn("closed_at", "timestamptz")
    .addColumn("invited", "integer", (c) => c.notNull())
    .addColumn("seed", "text", (c) => c.notNull())
    .addColumn("reminded_at", "timestamptz")
    .addColumn("message_key", "text", (c) => c.notNull())
    .addUniqueConstraint("pulse_run_once", ["pulse_id", "run_no"])
    .execute();
  await db.schema
    .createIndex("pulse_run_open")
    .on("pulse_run")
    .column("closes_at")
    .where(sql.ref("closed_at"), "is", null)
    .execute();

  await db.schema
    .createTable("pulse_invitee")
    .addColumn("run_id", "integer", (c) => c.notNull().references("pulse_run.id"))
    .addColumn("aad_object_id", "text", (c) => c.notNull())
    .addColumn("directorate", "text")
    .addPrimaryKeyConstraint("pulse_invitee_pk", ["run_id", "aad_object_id"])
    .execute();

  await db.schema
    .createTable("pulse_respondent")
    .addColumn("run_id", "integer", (c) => c.notNull().references("pulse_run.id"))
    .addColumn("aad_object_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("pulse_respondent_pk", ["run_id", "aad_object_id"])
    .execute();

  await db.schema
    .createTable("pulse_answer")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("run_id", "integer", (c) => c.notNull().references("pulse_run.id"))
    .addColumn("aad_object_id", "text")
    .addColumn("rating", "integer", (c) => c.notNull().check(sql`rating between 1 and 5`))
    .addColumn("recommend", "integer", (c) => c.check(sql`recommend between 0 and 10`))
    .addColumn("comment", "text")
    .addColumn("directorate", "text")
    .addColumn("answered_on", "date", (c) => c.notNull())
    .addColumn("mixed", "boolean", (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema.createIndex("pulse_answer_run").on("pulse_answer").column("run_id").execute();
  await db.schema
    .createIndex("pulse_answer_unmixed")
    .on("pulse_answer")
    .column("run_id")
    .where(sql.ref("mixed"), "=", false)
    .execute();

  await db.schema
    .createTable("pulse_action")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("pulse_id", "integer", (c) => c.notNull().references("pulse.id"))
    .addColumn("you_said", "text", (c) => c.notNull())
    .addColumn("we_did", "text", (c) => c.notNull())
    .addColumn("published_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("published_by_aad_id", "text", (c) => c.notNull())
    .addColumn("published_by_name", "text", (c) => c.notNull())
    .addColumn("recipients", "integer", (c) => c.notNull())
    .addColumn("message_key", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>) {
  for (const table of ["pulse_action", "pulse_answer", "pulse_respondent", "pulse_invitee", "pulse_run", "pulse"]) {
    await db.schema.dropTable(table).execute();
  }
}
