import { randomUUID } from "node:crypto";
import type { ManagedDevice } from "../../core/devices/managedDevice";
import type { DirectoryUserPatch } from "../../core/directory/directoryUser";
import type { ClassifiableDevice } from "../../core/refresh/refreshPolicy";

let serial = 1000;

/** A Windows 11 laptop as Intune lists it, enrolled and synced recently; override any part. */
export function aManagedDevice(overrides: Partial<ManagedDevice> = {}): ManagedDevice {
  serial += 1;
  return {
    id: randomUUID(),
    deviceName: `TEST-LT-${String(serial).padStart(5, "0")}`,
    userId: null,
    userPrincipalName: null,
    operatingSystem: "Windows",
    osVersion: "10.0.26100.7171",
    manufacturer: "Dell Inc.",
    model: "Latitude 5440",
    serialNumber: `SN${serial}`,
    enrolledAt: new Date("2025-06-01T09:00:00Z"),
    lastSyncAt: new Date("2026-11-22T09:00:00Z"),
    complianceState: "compliant",
    totalStorageBytes: 256_000_000_000,
    freeStorageBytes: 100_000_000_000,
    memoryBytes: 16 * 1024 ** 3,
    ...overrides,
  };
}

/** A person as the directory sync stores them, in a directorate; override any part. */
export function aPerson(overrides: Partial<DirectoryUserPatch> = {}): DirectoryUserPatch {
  const id = overrides.id ?? randomUUID();
  return {
    id,
    userPrincipalName: `person.${id.slice(0, 8)}@council.gov.uk`,
    displayName: `Person ${id.slice(0, 8)}`,
    department: "Adult Social Care",
    accountEnabled: true,
    ...overrides,
  };
}

/** What classification reads of a synced device: a young Windows 11 laptop with TPM 2.0, synced yesterday. */
export function aClassifiableDevice(overrides: Partial<ClassifiableDevice> = {}): ClassifiableDevice {
  return {
    operating_system: "Windows",
    os_version: "10.0.26100.7171",
    model: "Latitude 5440",
    enrolled_at: new Date("2025-11-23T12:00:00Z"),
    last_sync_at: new Date("2026-11-22T12:00:00Z"),
    compliance_state: "compliant",
    hardware: { tpmSpecificationVersion: "2.0" },
    ...overrides,
  };
}
