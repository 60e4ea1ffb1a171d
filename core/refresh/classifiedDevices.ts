import { sql } from "kysely";
import type { Db } from "../store/database";
import { type ClassifiableDevice, type Judgement, judgeDevice, type RefreshPolicy } from "./refreshPolicy";

/** A present device with what the dashboard and the export show of it and its owner. */
export type RefreshDevice = ClassifiableDevice & {
  id: string;
  device_name: string;
  serial_number: string | null;
  manufacturer: string | null;
  owner_name: string | null;
  owner_upn: string | null;
  /** The owner's directorate; null for shared devices and people the directory does not place. */
  department: string | null;
};

export type ClassifiedDevice = { device: RefreshDevice; judgement: Judgement };

/**
 * Keyset pages of this many devices: classification is TypeScript (one rule set,
 * shared with the request flow), so devices are read and judged a page at a
 * time, keeping memory flat for 50,000 of them.
 */
const PAGE = 5_000;

/**
 * Every present device (not removed from Intune), classified as of `now`, in id
 * order; only those of people in `directorates` when given.
 */
export async function* classifiedDevices(
  db: Db,
  policy: RefreshPolicy,
  now: Date,
  directorates?: readonly string[],
): AsyncGenerator<ClassifiedDevice> {
  if (directorates?.length === 0) return;
  let after = "";
  for (;;) {
    // The page is cut from managed_device alone, in key order, before the join:
    // cutting it after the join would make every page join all remaining devices.
    let pageOfDevices = db
      .selectFrom("managed_device")
      .select([
        "id",
        "device_name",
        "serial_number",
        "manufacturer",
        "model",
        "operating_system",
        "os_version",
        "enrolled_at",
        "last_sync_at",
        "compliance_state",
        "user_id",
        "user_principal_name",
        // Only the TPM version, as text: the hardware document is twenty times the size.
        sql<boolean>`hardware is not null`.as("hardware_read"),
        sql<string | null>`hardware->>'tpmSpecificationVersion'`.as("tpm"),
      ])
      .where("removed_at", "is", null)
      .where("id", ">", after)
      .orderBy("id")
      .limit(PAGE);
    if (directorates) {
      pageOfDevices = pageOfDevices.where("user_id", "in", (eb) =>
        eb.selectFrom("directory_user").select("id").where("department", "in", directorates),
      );
    }
    const page = await db
      .selectFrom(pageOfDevices.as("d"))
      .leftJoin("directory_user as u", "u.id", "d.user_id")
      .selectAll("d")
      .select([
        "u.display_name as owner_name",
        sql<string | null>`coalesce(u.user_principal_name, d.user_principal_name)`.as("owner_upn"),
        "u.department",
      ])
      .orderBy("d.id")
      .execute();
    for (const row of page) {
      const { hardware_read, tpm, user_id, user_principal_name, ...rest } = row;
      const device: RefreshDevice = { ...rest, hardware: hardware_read ? { tpmSpecificationVersion: tpm } : null };
      yield { device, judgement: judgeDevice(device, policy, now) };
    }
    const last = page[page.length - 1];
    if (!last || page.length < PAGE) return;
    after = last.id;
  }
}
