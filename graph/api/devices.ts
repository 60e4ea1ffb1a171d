import type { ManagedDevice as GraphManagedDevice } from "@microsoft/microsoft-graph-types";
import type { DeviceHardware, ManagedDevice } from "../../core/devices/managedDevice";

const deviceFields = [
  "id",
  "deviceName",
  "userId",
  "userPrincipalName",
  "operatingSystem",
  "osVersion",
  "manufacturer",
  "model",
  "serialNumber",
  "enrolledDateTime",
  "lastSyncDateTime",
  "complianceState",
  "totalStorageSpaceInBytes",
  "freeStorageSpaceInBytes",
  "physicalMemoryInBytes",
].join(",");

/** Intune's device list, 1,000 a page; it never carries hardware facts. */
export const managedDevicesUrl = `/deviceManagement/managedDevices?$select=${deviceFields}&$top=1000`;

/**
 * One device read on its own, in /beta: hardwareInformation is not in v1.0,
 * and even in /beta only a single-device read fills it.
 */
export const deviceHardwarePath = (deviceId: string) =>
  `/deviceManagement/managedDevices/${encodeURIComponent(deviceId)}?$select=id,hardwareInformation`;

const dateOrNull = (value: string | null | undefined) => {
  if (!value || value.startsWith("0001-01-01")) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

export function toManagedDevice(d: GraphManagedDevice): ManagedDevice {
  return {
    id: d.id as string,
    deviceName: d.deviceName ?? "",
    userId: d.userId || null,
    userPrincipalName: d.userPrincipalName || null,
    operatingSystem: d.operatingSystem ?? "Unknown",
    osVersion: d.osVersion ?? "",
    manufacturer: d.manufacturer ?? null,
    model: d.model ?? null,
    serialNumber: d.serialNumber ?? null,
    enrolledAt: dateOrNull(d.enrolledDateTime),
    lastSyncAt: dateOrNull(d.lastSyncDateTime),
    complianceState: d.complianceState ?? "unknown",
    totalStorageBytes: d.totalStorageSpaceInBytes ?? null,
    freeStorageBytes: d.freeStorageSpaceInBytes ?? null,
    memoryBytes: d.physicalMemoryInBytes ?? null,
  };
}

/** The part of Intune's hardwareInformation the app reads (the v1.0 types do not describe it). */
type HardwareInformation = {
  tpmSpecificationVersion?: string | null;
  tpmManufacturer?: string | null;
  systemManagementBIOSVersion?: string | null;
  batteryHealthPercentage?: number | null;
  batteryChargeCycles?: number | null;
  operatingSystemEdition?: string | null;
};

/** The hardware facts kept as evidence, from a single-device read. */
export function toDeviceHardware(h: HardwareInformation | null | undefined): DeviceHardware | null {
  if (!h) return null;
  return {
    ...(h as Record<string, unknown>),
    tpmSpecificationVersion: h.tpmSpecificationVersion || null,
    tpmManufacturer: h.tpmManufacturer || null,
    systemManagementBIOSVersion: h.systemManagementBIOSVersion || null,
    batteryHealthPercentage: h.batteryHealthPercentage ?? null,
    batteryChargeCycles: h.batteryChargeCycles ?? null,
    operatingSystemEdition: h.operatingSystemEdition || null,
  };
}
