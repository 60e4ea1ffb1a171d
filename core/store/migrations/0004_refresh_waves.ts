import { type Kysely, sql } from "kysely";

/**
 * Device refresh: the waves ICT plans (which directorates, when, how many
 * devices), and on each device the time the sync first saw it move from
 * Windows 10 to Windows 11, which is how a wave knows a device was upgraded
 * during it (the store otherwise keeps only the current version).
 */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable("refresh_wave")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("directorates", "jsonb", (c) => c.notNull())
    .addColumn("starts_on", "date", (c) => c.notNull())
    .addColumn("ends_on", "date", (c) => c.notNull())
    .addColumn("target_devices", "integer", (c) => c.notNull().check(sql`target_devices >= 0`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("refresh_wave_dates", sql`ends_on >= starts_on`)
    .addCheckConstraint("refresh_wave_scope", sql`jsonb_array_length(directorates) > 0`)
    .execute();

  await db.schema.alterTable("managed_device").addColumn("upgraded_to_windows_11_at", "timestamptz").execute();
  // Waves look devices up by when they were enrolled, removed or upgraded.
  await db.schema.createIndex("managed_device_enrolled").on("managed_device").column("enrolled_at").execute();
  await db.schema
    .createIndex("managed_device_removed")
    .on("managed_device")
    .column("removed_at")
    .where(sql.ref("removed_at"), "is not", null)
    .execute();
  await db.schema
    .createIndex("managed_device_upgraded")
    .on("managed_device")
    .column("upgraded_to_windows_11_at")
    .where(sql.ref("upgraded_to_windows_11_at"), "is not", null)
    .execute();
}

export async function down(db: Kysely<unknown>) {
  for (const index of ["managed_device_upgraded", "managed_device_removed", "managed_device_enrolled"]) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.alterTable("managed_device").dropColumn("upgraded_to_windows_11_at").execute();
  await db.schema.dropTable("refresh_wave").execute();
}
