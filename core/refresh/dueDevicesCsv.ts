import { csvFile } from "../csvFile";
import { operatingSystemRelease } from "../devices/windowsVersion";
import { type MessageKey, t } from "../messages/catalogue";
import type { Db } from "../store/database";
import { classifiedDevices, type RefreshDevice } from "./classifiedDevices";
import { formatAgeYears } from "./deviceAge";
import { type DeviceClassification, type RefreshPolicy, refreshStates, replacementStates } from "./refreshPolicy";

type DueDevice = { device: RefreshDevice; classification: DeviceClassification };

const columns: readonly { header: MessageKey; value: (d: DueDevice) => string }[] = [
  { header: "refresh.csv.device", value: ({ device }) => device.device_name },
  { header: "refresh.csv.serialNumber", value: ({ device }) => device.serial_number ?? "" },
  { header: "refresh.csv.manufacturer", value: ({ device }) => device.manufacturer ?? "" },
  { header: "refresh.csv.model", value: ({ device }) => device.model ?? "" },
  {
    header: "refresh.csv.operatingSystem",
    value: ({ device }) => operatingSystemRelease(device.operating_system, device.os_version),
  },
  { header: "refresh.csv.state", value: ({ classification }) => t(`refresh.state.${classification.state}`) },
  { header: "refresh.csv.reason", value: ({ classification }) => classification.reason },
  {
    header: "refresh.csv.ageEvidence",
    value: ({ classification }) => t(`refresh.evidence.${classification.ageEvidence}`),
  },
  {
    header: "refresh.csv.estimatedAge",
    value: ({ classification }) =>
      classification.estimatedAgeYears === null ? "" : formatAgeYears(classification.estimatedAgeYears),
  },
  { header: "refresh.csv.enrolled", value: ({ device }) => isoDay(device.enrolled_at) },
  { header: "refresh.csv.lastCheckIn", value: ({ device }) => isoDay(device.last_sync_at) },
  { header: "refresh.csv.compliance", value: ({ device }) => device.compliance_state },
  { header: "refresh.csv.owner", value: ({ device }) => device.owner_name ?? "" },
  { header: "refresh.csv.ownerUpn", value: ({ device }) => device.owner_upn ?? "" },
  { header: "refresh.csv.directorate", value: ({ device }) => device.department ?? "" },
];

const isoDay = (date: Date | null) => date?.toISOString().slice(0, 10) ?? "";

/**
 * The devices the policy says to replace (due, overdue, must replace) as a CSV
 * file for a spreadsheet: one row each with its owner and the reason, the most
 * pressing first, then by directorate and owner.
 */
export async function dueDevicesCsv(
  db: Db,
  policy: RefreshPolicy,
  now: Date,
): Promise<{ csv: string; devices: number }> {
  const due: DueDevice[] = [];
  for await (const { device, judgement } of classifiedDevices(db, policy, now)) {
    if (replacementStates.includes(judgement.state)) {
      due.push({ device, classification: { ...judgement, reason: judgement.reason() } });
    }
  }
  const byText = (a: string | null, b: string | null) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b, "en-GB");
  due.sort(
    (a, b) =>
      refreshStates.indexOf(a.classification.state) - refreshStates.indexOf(b.classification.state) ||
      byText(a.device.department, b.device.department) ||
      byText(a.device.owner_name, b.device.owner_name) ||
      byText(a.device.device_name, b.device.device_name),
  );
  const header = columns.map((c) => t(c.header));
  const rows = due.map((d) => columns.map((c) => c.value(d)));
  return { csv: csvFile([header, ...rows]), devices: due.length };
}
