import { type Kysely, sql } from "kysely";

/**
 * The store's copy of what Graph knows: people, devices, SharePoint sites and
 * dated usage-report snapshots, plus each sync's resumable state and history.
 * Rows that vanish from Graph keep their history with `removed_at` set.
 */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable("directory_user")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_principal_name", "text", (c) => c.notNull())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("given_name", "text")
    .addColumn("surname", "text")
    .addColumn("mail", "text")
    .addColumn("job_title", "text")
    .addColumn("department", "text")
    .addColumn("division", "text")
    .addColumn("office_location", "text")
    .addColumn("employee_id", "text")
    .addColumn("account_enabled", "boolean", (c) => c.notNull())
    .addColumn("manager_id", "text")
    .addColumn("manager_synced_at", "timestamptz")
    .addColumn("synced_at", "timestamptz", (c) => c.notNull())
    .addColumn("removed_at", "timestamptz")
    .execute();
  await db.schema
    .createIndex("directory_user_upn")
    .on("directory_user")
    .expression(sql`lower(user_principal_name)`)
    .execute();
  await db.schema.createIndex("directory_user_manager").on("directory_user").column("manager_id").execute();
  await db.schema.createIndex("directory_user_department").on("directory_user").column("department").execute();

  await db.schema
    .createTable("managed_device")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("device_name", "text", (c) => c.notNull())
    .addColumn("user_id", "text")
    .addColumn("user_principal_name", "text")
    .addColumn("operating_system", "text", (c) => c.notNull())
    .addColumn("os_version", "text", (c) => c.notNull())
    .addColumn("manufacturer", "text")
    .addColumn("model", "text")
    .addColumn("serial_number", "text")
    .addColumn("enrolled_at", "timestamptz")
    .addColumn("last_sync_at", "timestamptz")
    .addColumn("compliance_state", "text", (c) => c.notNull())
    .addColumn("total_storage_bytes", "bigint")
    .addColumn("free_storage_bytes", "bigint")
    .addColumn("memory_bytes", "bigint")
    .addColumn("hardware", "jsonb")
    .addColumn("hardware_read_at", "timestamptz")
    .addColumn("synced_at", "timestamptz", (c) => c.notNull())
    .addColumn("sync_run", "integer", (c) => c.notNull())
    .addColumn("removed_at", "timestamptz")
    .execute();
  await db.schema.createIndex("managed_device_user").on("managed_device").column("user_id").execute();

  await db.schema
    .createTable("sharepoint_site")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text")
    .addColumn("display_name", "text")
    .addColumn("web_url", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz")
    .addColumn("drive_id", "text")
    .addColumn("quota_total_bytes", "bigint")
    .addColumn("quota_used_bytes", "bigint")
    .addColumn("quota_remaining_bytes", "bigint")
    .addColumn("quota_deleted_bytes", "bigint")
    .addColumn("quota_state", "text")
    .addColumn("root_child_count", "integer")
    .addColumn("synced_at", "timestamptz", (c) => c.notNull())
    .addColumn("sync_run", "integer", (c) => c.notNull())
    .addColumn("removed_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("usage_report_snapshot")
    .addColumn("report", "text", (c) => c.notNull())
    .addColumn("report_date", "date", (c) => c.notNull())
    .addColumn("refresh_date", "date")
    .addColumn("row_count", "integer", (c) => c.notNull())
    .addColumn("concealed_names", "boolean", (c) => c.notNull())
    .addColumn("fetched_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("usage_report_snapshot_pk", ["report", "report_date"])
    .execute();
  await db.schema
    .createTable("usage_report_row")
    .addColumn("report", "text", (c) => c.notNull())
    .addColumn("report_date", "date", (c) => c.notNull())
    .addColumn("row_key", "text", (c) => c.notNull())
    .addColumn("user_id", "text")
    .addColumn("user_principal_name", "text")
    .addColumn("data", "jsonb", (c) => c.notNull())
    .addPrimaryKeyConstraint("usage_report_row_pk", ["report", "report_date", "row_key"])
    .addForeignKeyConstraint(
      "usage_report_row_snapshot",
      ["report", "report_date"],
      "usage_report_snapshot",
      ["report", "report_date"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("sync_state")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("delta_link", "text")
    .addColumn("resume_link", "text")
    .addColumn("run_number", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("lease_holder", "text")
    .addColumn("lease_until", "timestamptz")
    .addColumn("last_success_at", "timestamptz")
    .addColumn("last_counts", "jsonb")
    .addColumn("last_error", "text")
    .addColumn("last_error_at", "timestamptz")
    .execute();
  await db.schema
    .createTable("sync_run")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("started_at", "timestamptz", (c) => c.notNull())
    .addColumn("finished_at", "timestamptz")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("counts", "jsonb")
    .addColumn("error", "text")
    .execute();
  await db.schema.createIndex("sync_run_name_started").on("sync_run").columns(["name", "started_at"]).execute();
}

export async function down(db: Kysely<unknown>) {
  for (const table of [
    "sync_run",
    "sync_state",
    "usage_report_row",
    "usage_report_snapshot",
    "sharepoint_site",
    "managed_device",
    "directory_user",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
