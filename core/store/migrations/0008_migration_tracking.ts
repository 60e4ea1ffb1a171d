import { type Kysely, sql } from "kysely";

/**
 * SharePoint migration tracking: the plan (waves and sources with their
 * targets and scan figures), every report file imported (by content hash, so
 * a file imported twice changes nothing), and what the reports said: tasks,
 * their rounds, each item's latest outcome, failure summaries and fatal errors.
 */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable("migration_wave")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("directorates", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("starts_on", "date")
    .addColumn("ends_on", "date")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("migration_source")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("path_key", "text", (c) => c.notNull().unique())
    .addColumn("unc_path", "text", (c) => c.notNull())
    .addColumn("drive_letter", "text")
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('shared', 'home')`))
    .addColumn("owner_upn", "text")
    .addColumn("directorate", "text")
    .addColumn("wave_id", "integer", (c) => c.references("migration_wave.id").onDelete("set null"))
    .addColumn("planned_start", "date")
    .addColumn("planned_end", "date")
    .addColumn("state", "text", (c) =>
      c
        .notNull()
        .defaultTo("planned")
        .check(
          sql`state in ('planned', 'scanned', 'migrating', 'migrated', 'verified', 'read-only', 'decommissioned')`,
        ),
    )
    .addColumn("target_site_url", "text")
    .addColumn("target_library", "text")
    .addColumn("target_folder", "text")
    .addColumn("task_id", "text")
    .addColumn("scan_bytes", "bigint")
    .addColumn("scan_files", "bigint")
    .addColumn("scan_folders", "bigint")
    .addColumn("scan_longest_path", "integer")
    .addColumn("scan_readiness", "text")
    .addColumn("scanned_at", "timestamptz")
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("migration_source_owner").on("migration_source").column("owner_upn").execute();
  await db.schema.createIndex("migration_source_directorate").on("migration_source").column("directorate").execute();

  await db.schema
    .createTable("migration_import")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull().unique())
    .addColumn("rows", "integer", (c) => c.notNull())
    .addColumn("imported_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("migration_task")
    .addColumn("task_id", "text", (c) => c.primaryKey())
    .addColumn("source_id", "integer", (c) => c.references("migration_source.id").onDelete("set null"))
    .addColumn("source_path", "text")
    .addColumn("destination", "text")
    .addColumn("task_name", "text")
    .addColumn("status", "text")
    .addColumn("failure_reason", "text")
    .addColumn("last_round", "integer")
    .addColumn("total_bytes", "bigint")
    .addColumn("migrated_bytes", "bigint")
    .addColumn("total_items", "bigint")
    .addColumn("migrated_items", "bigint")
    .addColumn("failed_items", "bigint")
    .addColumn("scan_items", "bigint")
    .addColumn("scan_items_with_issues", "bigint")
    .addColumn("ended_at", "timestamptz")
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("migration_task_source").on("migration_task").column("source_id").execute();

  await db.schema
    .createTable("migration_task_round")
    .addColumn("task_id", "text", (c) => c.notNull())
    .addColumn("round", "integer", (c) => c.notNull())
    .addColumn("status", "text")
    .addColumn("total_bytes", "bigint")
    .addColumn("migrated_bytes", "bigint")
    .addColumn("total_items", "bigint")
    .addColumn("migrated_items", "bigint")
    .addColumn("failed_items", "bigint")
    .addColumn("started_at", "timestamptz")
    .addColumn("ended_at", "timestamptz")
    .addColumn("import_id", "integer", (c) => c.notNull().references("migration_import.id"))
    .addPrimaryKeyConstraint("migration_task_round_pk", ["task_id", "round"])
    .execute();

  await db.schema
    .createTable("migration_item")
    .addColumn("task_id", "text", (c) => c.notNull())
    .addColumn("item_path", "text", (c) => c.notNull())
    .addColumn("round", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('migrated', 'failed', 'skipped')`))
    .addColumn("size_bytes", "bigint")
    .addColumn("result_category", "text")
    .addColumn("error_code", "text")
    .addColumn("message", "text")
    .addColumn("cause", "text")
    .addColumn("import_id", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("migration_item_pk", ["task_id", "item_path"])
    .execute();
  await db.schema
    .createIndex("migration_item_failed")
    .on("migration_item")
    .columns(["task_id", "cause"])
    .where(sql.ref("status"), "=", "failed")
    .execute();

  await db.schema
    .createTable("migration_failure_summary")
    .addColumn("task_id", "text", (c) => c.notNull())
    .addColumn("round", "integer", (c) => c.notNull())
    .addColumn("error_code", "text", (c) => c.notNull())
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("item_count", "integer", (c) => c.notNull())
    .addColumn("import_id", "integer", (c) => c.notNull().references("migration_import.id"))
    .addPrimaryKeyConstraint("migration_failure_summary_pk", ["task_id", "round", "error_code", "message"])
    .execute();

  await db.schema
    .createTable("migration_fatal_error")
    .addColumn("task_id", "text", (c) => c.notNull())
    .addColumn("round", "integer", (c) => c.notNull())
    .addColumn("line", "integer", (c) => c.notNull())
    .addColumn("error_code", "text")
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("import_id", "integer", (c) => c.notNull().references("migration_import.id"))
    .addPrimaryKeyConstraint("migration_fatal_error_pk", ["task_id", "round", "line"])
    .execute();
}

export async function down(db: Kysely<unknown>) {
  for (const table of [
    "migration_fatal_error",
    "migration_failure_summary",
    "migration_item",
    "migration_task_round",
    "migration_task",
    "migration_import",
    "migration_source",
    "migration_wave",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
