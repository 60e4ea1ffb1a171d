import type { Council, CouncilDevice } from "../council/types";
import { devicesById } from "../directory";
import { devicesRead, type GraphRoute } from "./graphRoute";
import { type GraphContext, GraphHttpError, type GraphRequest, type GraphVersion, ok } from "./graphTypes";
import {
  contextUrl,
  decodeToken,
  encodeToken,
  eqFilter,
  linkWith,
  onlyOptions,
  pageAfter,
  pageSize,
  pick,
  selectedFields,
} from "./odata";

/**
 * Intune's managed devices. `hardwareInformation` exists only in /beta, as in
 * Graph, and is filled only when one device is read with
 * `$select=hardwareInformation`; lists carry it with empty defaults.
 * Undocumented inventory facts (processor name, BIOS release date) are served nowhere.
 */
export const deviceRoutes: GraphRoute[] = [
  { method: "GET", pattern: /^\/deviceManagement\/managedDevices$/, permission: devicesRead, handle: listDevices },
  {
    method: "GET",
    pattern: /^\/deviceManagement\/managedDevices\/([^/]+)$/,
    permission: devicesRead,
    handle: getDevice,
  },
];

const v1Fields = [
  "id",
  "deviceName",
  "userId",
  "userPrincipalName",
  "userDisplayName",
  "emailAddress",
  "operatingSystem",
  "osVersion",
  "manufacturer",
  "model",
  "serialNumber",
  "enrolledDateTime",
  "lastSyncDateTime",
  "complianceState",
  "managedDeviceOwnerType",
  "managementAgent",
  "totalStorageSpaceInBytes",
  "freeStorageSpaceInBytes",
  "physicalMemoryInBytes",
] as const;
const betaFields = [...v1Fields, "hardwareInformation"] as const;

function fieldsOf(version: GraphVersion): readonly string[] {
  return version === "beta" ? betaFields : v1Fields;
}

function listDevices(req: GraphRequest, ctx: GraphContext) {
  onlyOptions(req, ["$select", "$top", "$filter", "$skiptoken"]);
  const fields = selectedFields(req, fieldsOf(req.version), "microsoft.graph.managedDevice") ?? fieldsOf(req.version);
  const top = pageSize(req, 1000, 1000);
  const clauses = eqFilter(req, { operatingSystem: "string", complianceState: "string", userId: "string" });
  const raw = req.query.get("$skiptoken");
  const after = raw === null ? undefined : String(decodeToken(raw, "skip token").after);
  const all = devicesById(ctx.council);
  const devices =
    clauses.length === 0
      ? all
      : all.filter((d) =>
          clauses.every((c) => String(d[c.field as "operatingSystem" | "complianceState" | "userId"]) === c.value),
        );
  const { items, more } = pageAfter(devices, after, top);
  const last = items[items.length - 1];
  return ok({
    "@odata.context": contextUrl(ctx, req, "deviceManagement/managedDevices"),
    ...(more && last
      ? { "@odata.nextLink": linkWith(ctx, req, ["$skiptoken"], { $skiptoken: encodeToken({ after: last.id }) }) }
      : {}),
    value: items.map((d) => pick(graphDevice(ctx.council, d, req.version, false), fields)),
  });
}

function getDevice(req: GraphRequest, ctx: GraphContext, [id]: string[]) {
  onlyOptions(req, ["$select"]);
  const device = id === undefined ? undefined : ctx.council.devices.get(id);
  if (!device) {
    throw new GraphHttpError(
      404,
      "ResourceNotFound",
      `{"_version": 3, "Message": "Resource not found: managedDevice ${id ?? ""}"}`,
    );
  }
  const selected = selectedFields(req, fieldsOf(req.version), "microsoft.graph.managedDevice");
  const withHardware = selected?.includes("hardwareInformation") ?? false;
  return ok({
    "@odata.context": contextUrl(ctx, req, "deviceManagement/managedDevices/$entity"),
    ...pick(graphDevice(ctx.council, device, req.version, withHardware), selected ?? fieldsOf(req.version)),
  });
}

function graphDevice(council: Council, device: CouncilDevice, version: GraphVersion, withHardware: boolean) {
  const user = device.userId ? council.users.get(device.userId) : undefined;
  const shaped: Record<string, unknown> = {
    id: device.id,
    deviceName: device.deviceName,
    userId: device.userId,
    userPrincipalName: user?.userPrincipalName ?? null,
    userDisplayName: user?.displayName ?? null,
    emailAddress: user?.mail ?? null,
    operatingSystem: device.operatingSystem,
    osVersion: device.osVersion,
    manufacturer: device.manufacturer,
    model: device.model,
    serialNumber: device.serialNumber,
    enrolledDateTime: device.enrolledDateTime,
    lastSyncDateTime: device.lastSyncDateTime,
    complianceState: device.complianceState,
    managedDeviceOwnerType: "company",
    managementAgent: "mdm",
    totalStorageSpaceInBytes: device.totalStorageSpaceInBytes,
    freeStorageSpaceInBytes: device.freeStorageSpaceInBytes,
    physicalMemoryInBytes: device.physicalMemoryInBytes,
  };
  if (version === "beta") shaped.hardwareInformation = withHardware ? hardware(device) : emptyHardware();
  return shaped;
}

/** Graph beta's hardwareInformation, documented properties only. */
function hardware(device: CouncilDevice) {
  const h = device.hardwareInformation;
  return {
    ...emptyHardware(),
    serialNumber: h.serialNumber,
    totalStorageSpace: h.totalStorageSpace,
    freeStorageSpace: h.freeStorageSpace,
    manufacturer: h.manufacturer,
    model: h.model,
    operatingSystemLanguage: "en-GB",
    isEncrypted: true,
    tpmSpecificationVersion: h.tpmSpecificationVersion,
    tpmManufacturer: h.tpmManufacturer,
    tpmVersion: h.tpmVersion,
    systemManagementBIOSVersion: h.systemManagementBIOSVersion,
    operatingSystemEdition: h.operatingSystemEdition,
    osBuildNumber: h.osBuildNumber,
    batteryHealthPercentage: h.batteryHealthPercentage ?? 0,
    batteryChargeCycles: h.batteryChargeCycles ?? 0,
  };
}

/** What a list returns in place of hardware facts: defaults, not the device's values. */
function emptyHardware() {
  return {
    serialNumber: null,
    totalStorageSpace: 0,
    freeStorageSpace: 0,
    imei: null,
    meid: null,
    manufacturer: null,
    model: null,
    phoneNumber: null,
    subscriberCarrier: null,
    cellularTechnology: null,
    wifiMac: null,
    operatingSystemLanguage: null,
    isSupervised: false,
    isEncrypted: false,
    isSharedDevice: false,
    tpmSpecificationVersion: null,
    tpmManufacturer: null,
    tpmVersion: null,
    systemManagementBIOSVersion: null,
    operatingSystemEdition: null,
    osBuildNumber: null,
    batteryHealthPercentage: 0,
    batteryChargeCycles: 0,
  };
}
