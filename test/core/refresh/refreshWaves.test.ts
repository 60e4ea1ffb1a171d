import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { markDevicesNotSeen, upsertManagedDevices } from "../../../core/devices/deviceRepository";
import type { ManagedDevice } from "../../../core/devices/managedDevice";
import { upsertDirectoryUsers } from "../../../core/directory/directoryRepository";
import { isAppError } from "../../../core/errors";
import { createRefreshWave } from "../../../core/refresh/createRefreshWave";
import { defaultRefreshPolicy } from "../../../core/refresh/refreshPolicy";
import { refreshWaveProgress, waveBurndown } from "../../../core/refresh/refreshQueries";
import type { RefreshWave } from "../../../core/refresh/refreshWave";
import type { Store } from "../../../core/store/openStore";
import { aManagedDevice, aPerson } from "../../support/deviceFactories";
import { describeOnEachEngine, openMigratedStore } from "../../support/storeEngines";

const WINDOWS_10 = "10.0.19045.6456";
const WINDOWS_11 = "10.0.26100.7171";
const before = new Date("2026-10-15T08:00:00Z");
const during = new Date("2026-11-10T08:00:00Z");
const later = new Date("2026-11-20T08:00:00Z");

/** A devices sync at `at` that lists exactly `devices`, as the devices job does. */
async function syncDevices(store: Store, run: number, at: Date, devices: ManagedDevice[]) {
  await upsertManagedDevices(store.db, devices, run, at);
  await markDevicesNotSeen(store.db, run, at);
}

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error, "invalid_input")) return error.message;
    throw error;
  }
  throw new Error("expected the wave to be refused");
}

describeOnEachEngine("refresh waves", (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openMigratedStore(engine);
  });
  afterEach(() => store?.close());

  const wave = (overrides: Partial<Parameters<typeof createRefreshWave>[1]> = {}) =>
    createRefreshWave(
      store.db,
      {
        name: "Wave 1",
        directorates: ["Adult Social Care"],
        startsOn: "2026-11-01",
        endsOn: "2026-12-31",
        targetDevices: 10,
        ...overrides,
      },
      defaultRefreshPolicy,
      before,
    );

  it("keeps a wave as given and lists waves by start", async () => {
    await upsertDirectoryUsers(store.db, [aPerson(), aPerson({ department: "Resources" })], before);
    await wave({ name: "Later", directorates: ["Resources"], startsOn: "2027-01-04", endsOn: "2027-03-31" });
    const first = await wave({ directorates: ["Adult Social Care", "Resources"] });
    expect(first).toEqual({
      id: expect.any(Number),
      name: "Wave 1",
      directorates: ["Adult Social Care", "Resources"],
      startsOn: "2026-11-01",
      endsOn: "2026-12-31",
      targetDevices: 10,
    });
    const progress = await refreshWaveProgress(store.db, later);
    expect(progress.map((p) => [p.name, p.status])).toEqual([
      ["Wave 1", "running"],
      ["Later", "planned"],
    ]);
  });

  it("refuses a directorate nobody is in, naming those the directory has", async () => {
    await upsertDirectoryUsers(store.db, [aPerson(), aPerson({ department: "Resources" })], before);
    expect(await rejection(wave({ directorates: ["Adults"] }))).toBe(
      "No one in the directory is in Adults. Directorates as the directory spells them: Adult Social Care, Resources.",
    );
  });

  it("refuses a second wave of the same name, dates that are not days, and an end before the start", async () => {
    await upsertDirectoryUsers(store.db, [aPerson()], before);
    await wave();
    expect(await rejection(wave())).toBe("There is already a wave called Wave 1.");
    expect(await rejection(wave({ name: "W2", startsOn: "2026-02-30" }))).toBe(
      "The start must be a date written like 2027-01-31, not 2026-02-30.",
    );
    expect(await rejection(wave({ name: "W2", endsOn: "2026-10-31" }))).toBe(
      "The wave must end on or after the day it starts (2026-11-01 to 2026-10-31).",
    );
    expect(await rejection(wave({ name: "W2", directorates: [" "] }))).toBe(
      "Name at least one directorate for the wave.",
    );
  });

  it("targets, unless told otherwise, the devices in scope that need replacing or upgrading", async () => {
    const inScope = aPerson();
    const elsewhere = aPerson({ department: "Resources" });
    await upsertDirectoryUsers(store.db, [inScope, elsewhere], before);
    const old = new Date("2020-01-01T09:00:00Z");
    await syncDevices(store, 1, before, [
      aManagedDevice({ userId: inScope.id, enrolledAt: old, lastSyncAt: before }),
      aManagedDevice({ userId: inScope.id, osVersion: WINDOWS_10, model: "Latitude 5480", lastSyncAt: before }),
      aManagedDevice({ userId: inScope.id, lastSyncAt: before }),
      aManagedDevice({ userId: elsewhere.id, enrolledAt: old, lastSyncAt: before }),
    ]);
    const created = await wave({ targetDevices: undefined });
    expect(created.targetDevices).toBe(2);
  });

  describe("progress", () => {
    const person = aPerson();
    const otherDirectorate = aPerson({ department: "Resources" });
    const leaver = aPerson();
    const fieldWorker = aPerson();
    const oldLaptop = aManagedDevice({ userId: person.id, enrolledAt: new Date("2020-03-01T09:00:00Z") });
    const newLaptop = aManagedDevice({ userId: person.id, enrolledAt: new Date("2026-11-09T14:00:00Z") });
    const windows10 = aManagedDevice({ userId: fieldWorker.id, osVersion: WINDOWS_10, model: "Latitude 5430" });
    const elsewhere10 = aManagedDevice({ userId: otherDirectorate.id, osVersion: WINDOWS_10, model: "Latitude 5430" });
    const leaversLaptop = aManagedDevice({ userId: leaver.id });
    const fieldLaptop = aManagedDevice({ userId: fieldWorker.id });
    const newTablet = aManagedDevice({
      userId: fieldWorker.id,
      operatingSystem: "iOS",
      osVersion: "26.1",
      model: "iPad (A16)",
      enrolledAt: new Date("2026-11-09T10:00:00Z"),
    });

    let theWave: RefreshWave;
    beforeEach(async () => {
      await upsertDirectoryUsers(store.db, [person, otherDirectorate, leaver, fieldWorker], before);
      await syncDevices(store, 1, before, [oldLaptop, windows10, elsewhere10, leaversLaptop, fieldLaptop]);
      theWave = await wave();
      // During the wave: a laptop swapped, two PCs upgraded (one out of scope), a leaver's
      // laptop removed with nothing in its place, and a tablet added beside a laptop.
      await syncDevices(store, 2, during, [
        newLaptop,
        { ...windows10, osVersion: WINDOWS_11 },
        { ...elsewhere10, osVersion: WINDOWS_11 },
        fieldLaptop,
        newTablet,
      ]);
    });

    it("counts a swapped laptop as replaced and a Windows 10 PC moved to Windows 11 as upgraded, in scope only", async () => {
      const [progress] = await refreshWaveProgress(store.db, later);
      expect(progress).toMatchObject({ status: "running", replaced: 1, upgraded: 1, done: 2, remaining: 8 });
    });

    it("does not count an upgrade that was rolled back, nor one whose device has since left Intune", async () => {
      await syncDevices(store, 3, later, [newLaptop, windows10, fieldLaptop, newTablet]);
      expect((await refreshWaveProgress(store.db, later))[0]).toMatchObject({ upgraded: 0 });
      await syncDevices(store, 4, later, [newLaptop, { ...windows10, osVersion: WINDOWS_11 }, newTablet]);
      expect((await refreshWaveProgress(store.db, later))[0]).toMatchObject({ upgraded: 1 });
      await syncDevices(store, 5, later, [newLaptop, newTablet]);
      expect((await refreshWaveProgress(store.db, later))[0]).toMatchObject({ upgraded: 0 });
    });

    it("counts nothing for a wave whose dates miss the changes", async () => {
      await wave({ name: "Spring", startsOn: "2027-03-01", endsOn: "2027-05-31" });
      const spring = (await refreshWaveProgress(store.db, later)).find((p) => p.name === "Spring");
      expect(spring).toMatchObject({ status: "planned", done: 0, remaining: 10 });
      const finished = (await refreshWaveProgress(store.db, new Date("2027-06-01T00:00:00Z"))).find(
        (p) => p.name === "Spring",
      );
      expect(finished?.status).toBe("finished");
    });

    it("burns down by day from the target on the day things were done, with nothing for days to come", async () => {
      const points = await waveBurndown(store.db, theWave, later);
      expect(points).toHaveLength(61);
      expect(points[0]).toEqual({ date: "2026-11-01", remaining: 10, ideal: 10 });
      expect(points.find((p) => p.date === "2026-11-09")?.remaining).toBe(10);
      expect(points.find((p) => p.date === "2026-11-10")?.remaining).toBe(8);
      expect(points.find((p) => p.date === "2026-11-20")?.remaining).toBe(8);
      expect(points.find((p) => p.date === "2026-11-21")?.remaining).toBeNull();
      expect(points.at(-1)).toEqual({ date: "2026-12-31", remaining: null, ideal: 0 });
      const ideals = points.map((p) => p.ideal);
      expect(ideals).toEqual([...ideals].sort((a, b) => b - a));
    });

    it("burns down by week from the first day, always ending on the last", async () => {
      const points = await waveBurndown(store.db, theWave, later, "week");
      expect(points.map((p) => p.date)).toEqual([
        "2026-11-01",
        "2026-11-08",
        "2026-11-15",
        "2026-11-22",
        "2026-11-29",
        "2026-12-06",
        "2026-12-13",
        "2026-12-20",
        "2026-12-27",
        "2026-12-31",
      ]);
      expect(points.map((p) => p.remaining).slice(0, 4)).toEqual([10, 10, 8, null]);
    });
  });
});

describeOnEachEngine("the devices sync and Windows 11 upgrades", (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openMigratedStore(engine);
  });
  afterEach(() => store?.close());

  const upgradedAt = async (id: string) =>
    (
      await store.db
        .selectFrom("managed_device")
        .select("upgraded_to_windows_11_at")
        .where("id", "=", id)
        .executeTakeFirstOrThrow()
    ).upgraded_to_windows_11_at;

  it("records when a sync first sees a device move from Windows 10 to Windows 11, and only then", async () => {
    const device = aManagedDevice({ osVersion: WINDOWS_10 });
    const born11 = aManagedDevice({ osVersion: WINDOWS_11 });
    await syncDevices(store, 1, before, [device, born11]);
    await syncDevices(store, 2, during, [{ ...device, osVersion: "10.0.19045.6500" }, born11]);
    expect(await upgradedAt(device.id)).toBeNull();
    await syncDevices(store, 3, later, [{ ...device, osVersion: WINDOWS_11 }, born11]);
    expect(await upgradedAt(device.id)).toEqual(later);
    await syncDevices(store, 4, new Date("2026-12-01T00:00:00Z"), [{ ...device, osVersion: "10.0.26100.7300" }]);
    expect(await upgradedAt(device.id)).toEqual(later);
    expect(await upgradedAt(born11.id)).toBeNull();
  });

  it("ignores systems whose versions merely look like Windows builds", async () => {
    const tablet = aManagedDevice({ operatingSystem: "Android", osVersion: "10.0.19045" });
    await syncDevices(store, 1, before, [tablet]);
    await syncDevices(store, 2, during, [{ ...tablet, osVersion: "10.0.26100" }]);
    expect(await upgradedAt(tablet.id)).toBeNull();
  });
});
