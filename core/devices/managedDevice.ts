import type { ColumnType } from "kysely";

/** A device Intune manages, as core sees it. */
export type ManagedDevice = {
  id: string;
  deviceName: string;
  userId: string | null;
  userPrincipalName: string | null;
  operatingSystem: string;
  osVersion: string;
  manufacturer: string | null;
  model: string | null;
  serialNumber: string | null;
  enrolledAt: Date | null;
  lastSyncAt: Date | null;
  complianceState: string;
  totalStorageBytes: number | null;
  freeStorageBytes: number | null;
  memoryBytes: number | null;
};

/** Hardware facts Intune gives only per device: the evidence for age and Windows 11 readiness. */
export type DeviceHardware = {
  tpmSpecificationVersion: string | null;
  tpmManufacturer: string | null;
  systemManagementBIOSVersion: string | null;
  batteryHealthPercentage: number | null;
  batteryChargeCycles: number | null;
  operatingSystemEdition: string | null;
  [other: string]: unknown;
};

export type ManagedDeviceTable = {
  id: string;
  device_name: string;
  user_id: string | null;
  user_principal_name: string | null;
  operating_system: string;
  os_version: string;
  manufacturer: string | null;
  model: string | null;
  serial_number: string | null;
  enrolled_at: Date | null;
  last_sync_at: Date | null;
  compliance_state: string;
  total_storage_bytes: number | null;
  free_storage_bytes: number | null;
  memory_bytes: number | null;
  hardware: ColumnType<DeviceHardware | null, string | null, string | null>;
  hardware_read_at: Date | null;
  synced_at: Date;
  sync_run: number;
  removed_at: Date | null;
  /** When a sync first saw the device on Windows 11 after seeing it on Windows 10. */
  upgraded_to_windows_11_at: Date | null;
};
