import { sql } from "kysely";
import type { Db } from "../store/database";
import { inChunks } from "../store/inChunks";
import { columnList, jsonRecordset } from "../store/jsonRecordset";
import type { DeviceHardware, ManagedDevice } from "./managedDevice";
import { isWindows11Sql } from "./windowsVersion";

const deviceColumns = {
  id: "text",
  device_name: "text",
  user_id: "text",
  user_principal_name: "text",
  operating_system: "text",
  os_version: "text",
  manufacturer: "text",
  model: "text",
  serial_number: "text",
  enrolled_at: "timestamptz",
  last_sync_at: "timestamptz",
  compliance_state: "text",
  total_storage_bytes: "bigint",
  free_storage_bytes: "bigint",
  memory_bytes: "bigint",
} as const;

const updatedOnConflict = Object.keys(deviceColumns)
  .filter((c) => c !== "id")
  .map((c) => `${c} = excluded.${c}`)
  .join(", ");

/**
 * Inserts or updates devices seen in sync run `run`. A device whose model or
 * serial number changed has its hardware read again; one seen moving from
 * Windows 10 to Windows 11 has the time recorded (refresh waves count upgrades by it).
 */
export async function upsertManagedDevices(db: Db, devices: readonly ManagedDevice[], run: number, at: Date) {
  for (const chunk of inChunks(devices, 2_000)) {
    const rows = chunk.map((d) => ({
      id: d.id,
      device_name: d.deviceName,
      user_id: d.userId,
      user_principal_name: d.userPrincipalName,
      operating_system: d.operatingSystem,
      os_version: d.osVersion,
      manufacturer: d.manufacturer,
      model: d.model,
      serial_number: d.serialNumber,
      enrolled_at: d.enrolledAt,
      last_sync_at: d.lastSyncAt,
      compliance_state: d.complianceState,
      total_storage_bytes: d.totalStorageBytes,
      free_storage_bytes: d.freeStorageBytes,
      memory_bytes: d.memoryBytes,
    }));
    await sql`
      insert into managed_device (${columnList(Object.keys(deviceColumns))}, synced_at, sync_run)
      select r.*, ${at}::timestamptz, ${run}::integer from ${jsonRecordset(rows, deviceColumns)}
      on conflict (id) do update set ${sql.raw(updatedOnConflict)},
        synced_at = excluded.synced_at, sync_run = excluded.sync_run, removed_at = null,
        upgraded_to_windows_11_at = case
          when managed_device.upgraded_to_windows_11_at is null
            and not ${isWindows11Sql("managed_device")} and ${isWindows11Sql("excluded")} then ${at}::timestamptz
          else managed_device.upgraded_to_windows_11_at end,
        hardware_read_at = case when managed_device.model is distinct from excluded.model
          or managed_device.serial_number is distinct from excluded.serial_number
          then null else managed_device.hardware_read_at end`.execute(db);
  }
}

/** Devices whose hardware facts have never been read (or must be read again). */
export async function devicesNeedingHardware(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom("managed_device")
    .select("id")
    .where("removed_at", "is", null)
    .where("hardware_read_at", "is", null)
    .orderBy("id")
    .execute();
  return rows.map((r) => r.id);
}

export async function saveDeviceHardware(
  db: Db,
  facts: readonly { deviceId: string; hardware: DeviceHardware | null }[],
  at: Date,
) {
  for (const chunk of inChunks(facts, 2_000)) {
    const rows = chunk.map((f) => ({ id: f.deviceId, hardware: f.hardware }));
    await sql`
      update managed_device as d set hardware = r.hardware, hardware_read_at = ${at}::timestamptz
      from ${jsonRecordset(rows, { id: "text", hardware: "jsonb" })}
      where d.id = r.id`.execute(db);
  }
}

/** After a complete list, devices not seen in this run have left Intune. */
export async function markDevicesNotSeen(db: Db, run: number, at: Date): Promise<number> {
  const result = await db
    .updateTable("managed_device")
    .set({ removed_at: at })
    .where("sync_run", "<", run)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function countManagedDevices(db: Db): Promise<number> {
  const row = await db
    .selectFrom("managed_device")
    .select(sql<number>`count(*)`.as("n"))
    .where("removed_at", "is", null)
    .executeTakeFirstOrThrow();
  return row.n;
}
