import { classifyDevice, type RefreshPolicy, type RefreshState, replacementStates } from "../refresh/refreshPolicy";
import type { Db } from "../store/database";
import type { CurrentDevice } from "./requestTables";

/**
 * A person's devices as Intune last reported them, each with its refresh
 * state, and whether any makes them eligible for a new one by policy.
 */
export async function currentDevicesOf(
  db: Db,
  aadObjectId: string,
  policy: RefreshPolicy,
  now: Date,
): Promise<{ devices: CurrentDevice[]; eligibleByPolicy: boolean }> {
  const rows = await db
    .selectFrom("managed_device")
    .selectAll()
    .where("user_id", "=", aadObjectId)
    .where("removed_at", "is", null)
    .orderBy("device_name")
    .execute();
  const devices = rows.map((row) => {
    const classification = classifyDevice(row, policy, now);
    return {
      id: row.id,
      name: row.device_name,
      model: row.model,
      state: classification.state,
      reason: classification.reason,
    };
  });
  // A device due, overdue or that must be replaced makes a new one due under the policy: no justification needed.
  return { devices, eligibleByPolicy: devices.some((d) => replacementStates.includes(d.state as RefreshState)) };
}
