import { afterEach, beforeEach, expect, it } from "vitest";
import { markDevicesNotSeen, saveDeviceHardware, upsertManagedDevices } from "../../../core/devices/deviceRepository";
import type { ManagedDevice } from "../../../core/devices/managedDevice";
import { upsertDirectoryUsers } from "../../../core/directory/directoryRepository";
import { defaultRefreshPolicy } from "../../../core/refresh/refreshPolicy";
import { ageBand, refreshSummary } from "../../../core/refresh/refreshQueries";
import type { Store } from "../../../core/store/openStore";
import { aManagedDevice, aPerson } from "../../support/deviceFactories";
import { describeOnEachEngine, openMigratedStore } from "../../support/storeEngines";

const NOW = new Date("2026-11-23T12:00:00Z");
const synced = new Date("2026-11-22T12:00:00Z");

/** A devices sync listing exactly these devices, each with TPM 2.0 read. */
async function syncDevices(store: Store, run: number, devices: ManagedDevice[]) {
  await upsertManagedDevices(store.db, devices, run, synced);
  await markDevicesNotSeen(store.db, run, synced);
  const hardware = { tpmSpecificationVersion: "2.0", tpmManufacturer: "IFX", systemManagementBIOSVersion: "1.0" };
  await saveDeviceHardware(
    store.db,
    devices.map((d) => ({
      deviceId: d.id,
      hardware: { ...hardware, batteryHealthPercentage: null, batteryChargeCycles: null, operatingSystemEdition: null },
    })),
    synced,
  );
}

describeOnEachEngine("the refresh dashboard's counts", (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openMigratedStore(engine);
  });
  afterEach(() => store?.close());

  it("counts present devices by state, directorate, system, model, age band and compliance", async () => {
    const carer = aPerson({ department: "Adult Social Care" });
    const accountant = aPerson({ department: "Resources" });
    await upsertDirectoryUsers(store.db, [carer, accountant], synced);
    const retired = aManagedDevice({ userId: carer.id });
    await syncDevices(store, 1, [retired]);
    await syncDevices(store, 2, [
      aManagedDevice({ userId: carer.id, enrolledAt: new Date("2025-06-01T09:00:00Z") }),
      aManagedDevice({
        userId: carer.id,
        operatingSystem: "iOS",
        osVersion: "26.1",
        model: "iPad (7th generation)",
        enrolledAt: new Date("2020-08-01T09:00:00Z"),
      }),
      aManagedDevice({
        userId: accountant.id,
        osVersion: "10.0.19045.6456",
        model: "Latitude 5480",
        enrolledAt: new Date("2024-01-10T09:00:00Z"),
        complianceState: "noncompliant",
      }),
      aManagedDevice({ model: "OptiPlex 7010", lastSyncAt: new Date("2026-10-10T09:00:00Z") }),
    ]);

    const summary = await refreshSummary(store.db, defaultRefreshPolicy, NOW);
    expect(summary.total).toBe(4);
    expect(summary.states).toEqual({
      "must-replace": 1,
      overdue: 1,
      due: 0,
      "upgrade-to-windows-11": 0,
      current: 1,
      stale: 1,
      lost: 0,
      unknown: 0,
    });
    const compact = (rows: typeof summary.byModel) =>
      rows.map((r) => [r.key, r.total, ...Object.entries(r.states).filter(([, n]) => n > 0)]);
    expect(compact(summary.byDirectorate)).toEqual([
      ["Adult Social Care", 2, ["overdue", 1], ["current", 1]],
      ["Resources", 1, ["must-replace", 1]],
      [null, 1, ["stale", 1]],
    ]);
    expect(summary.byOperatingSystem.map((r) => [r.key, r.total])).toEqual([
      ["Windows 11 24H2", 2],
      ["iOS 26", 1],
      ["Windows 10 22H2", 1],
    ]);
    expect(summary.byModel.map((r) => r.key)).toEqual([
      "iPad (7th generation)",
      "Latitude 5440",
      "Latitude 5480",
      "OptiPlex 7010",
    ]);
    expect(summary.byAgeBand.map((r) => [r.key, r.total])).toEqual([
      ["1-2", 2],
      ["2-3", 1],
      ["6-7", 1],
    ]);
    expect(summary.byCompliance.map((r) => [r.key, r.total])).toEqual([
      ["compliant", 3],
      ["noncompliant", 1],
    ]);
  });

  it("reads every device when there are more than one page of them", async () => {
    const devices = Array.from({ length: 5_001 }, () => aManagedDevice());
    await upsertManagedDevices(store.db, devices, 1, synced);
    const summary = await refreshSummary(store.db, defaultRefreshPolicy, NOW);
    expect(summary.total).toBe(5_001);
    expect(summary.states.current).toBe(5_001);
  });
});

it("puts ages in whole-year bands up to seven years and more", () => {
  expect([0, 0.99, 1, 3.5, 6.99, 7, 12].map(ageBand)).toEqual(["0-1", "0-1", "1-2", "3-4", "6-7", "7+", "7+"]);
  expect(ageBand(null)).toBeNull();
});
