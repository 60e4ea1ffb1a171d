import type { Selectable } from "kysely";
import type { ManagedDeviceTable } from "../devices/managedDevice";
import {
  classifyDevice,
  type DeviceClassification,
  type RefreshPolicy,
  type RefreshState,
  replacementStates,
} from "../refresh/refreshPolicy";
import type { Db } from "../store/database";
import type { CurrentDevice } from "./requestTables";

/** A person's devices as Intune last reported them, by name, each classified under the refresh policy. */
export async function classifiedDevicesOf(
  db: Db,
  aadObjectId: string,
  policy: RefreshPolicy,
  now: Date,
): Promise<{ device: Selectable<ManagedDeviceTable>; classification: DeviceClassification }[]> {
  const rows = await db
    .selectFrom("managed_device")
    .selectAll()
    .where("user_id", "=", aadObjectId)
    .where("removed_at", "is", null)
    .orderBy("device_name")
    .execute();
  return rows.map((device) => ({ device, classification: classifyDevice(device, policy, now) }));
}

/**
 * A person's devices with their refresh state, and whether any makes them
 * eligible for a new one by policy.
 */
export async function currentDevicesOf(
  db: Db,
  aadObjectId: string,
  policy: RefreshPolicy,
  now: Date,
): Promise<{ devices: CurrentDevice[]; eligibleByPolicy: boolean }> {
  const devices = (await classifiedDevicesOf(db, aadObjectId, policy, now)).map(({ device, classification }) => ({
    id: device.id,
    name: device.device_name,
    model: device.model,
    state: classification.state,
    reason: classification.reason,
  }));
  // A device due, overdue or that must be replaced makes a new one due under the policy: no justification needed.
  return { devices, eligibleByPolicy: devices.some((d) => replacementStates.includes(d.state as RefreshState)) };
}
