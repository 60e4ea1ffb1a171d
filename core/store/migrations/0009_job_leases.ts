import { type Kysely, sql } from "kysely";

/**
 * Scheduled jobs shared by every instance on one store: `job_lease` holds
 * the due time each job was last claimed for and by whom (a lease renewed
 * while it runs), `job_run` records every claimed run.
 */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable("job_lease")
    .addColumn("job", "text", (c) => c.primaryKey())
    .addColumn("slot", "bigint", (c) => c.notNull())
    .addColumn("due_at", "timestamptz", (c) => c.notNull())
    .addColumn("holder", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("lease_until", "timestamptz", (c) => c.notNull())
    .addColumn("started_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("finished_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("job_run")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("job", "text", (c) => c.notNull())
    .addColumn("slot", "bigint", (c) => c.notNull())
    .addColumn("due_at", "timestamptz", (c) => c.notNull())
    .addColumn("holder", "text", (c) => c.notNull())
    .addColumn("took_over_from", "text")
    .addColumn("started_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("finished_at", "timestamptz")
    .addColumn("outcome", "text", (c) => c.notNull().defaultTo("running"))
    .addColumn("error", "text")
    .execute();
  await db.schema.createIndex("job_run_by_job").on("job_run").columns(["job", "started_at"]).execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable("job_run").execute();
  await db.schema.dropTable("job_lease").execute();
}
