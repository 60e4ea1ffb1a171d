import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClassifiedDevice, classifiedDevices } from "../../../core/refresh/classifiedDevices";
import { createRefreshWave } from "../../../core/refresh/createRefreshWave";
import { defaultRefreshPolicy, refreshStates } from "../../../core/refresh/refreshPolicy";
import { refreshSummary, refreshWaveProgress } from "../../../core/refresh/refreshQueries";
import { meetsWindows11ProcessorFloor } from "../../../graph/devtenant/council/hardware";
import { type SyncHarness, startSyncHarness } from "../../support/syncHarness";

/** The generated council, synced as the app syncs it, classified under the default policy. */
describe("refresh classification of the generated council", () => {
  let h: SyncHarness;
  let now: Date;
  let devices: ClassifiedDevice[];

  beforeAll(async () => {
    h = await startSyncHarness("pglite", { staff: 400, devices: 600 });
    for (const name of ["users", "devices"] as const) expect((await h.sync(name)).status).toBe("succeeded");
    now = new Date(`${h.tenant.council.today}T12:00:00Z`);
    devices = [];
    for await (const device of classifiedDevices(h.store.db, defaultRefreshPolicy, now)) devices.push(device);
  });
  afterAll(() => h?.stop());

  it("gives every synced device a state and a reason, with its age from the enrolment Intune records", () => {
    expect(devices).toHaveLength(h.tenant.council.devices.size);
    for (const { device, judgement } of devices) {
      expect(refreshStates, device.device_name).toContain(judgement.state);
      expect(judgement.reason(), device.device_name).toMatch(/^It .+\.$/);
      expect(judgement.ageEvidence).toBe("enrolment");
    }
  });

  it("finds a plausible spread: mostly current, a share overdue, some silent, and some PCs to upgrade or replace", async () => {
    const { total, states } = await refreshSummary(h.store.db, defaultRefreshPolicy, now);
    const share = (n: number) => n / total;
    expect(share(states.current)).toBeGreaterThan(0.4);
    expect(share(states.overdue)).toBeGreaterThan(0.1);
    expect(share(states.overdue)).toBeLessThan(0.35);
    expect(share(states.due)).toBeGreaterThan(0.01);
    expect(share(states.stale + states.lost)).toBeGreaterThan(0.04);
    expect(share(states.stale + states.lost)).toBeLessThan(0.2);
    expect(states["must-replace"]).toBeGreaterThan(0);
    expect(states["upgrade-to-windows-11"]).toBeGreaterThan(0);
    expect(states.unknown).toBe(0);
  });

  it("never calls a PC able to run Windows 11 when its processor or TPM says otherwise, nor the reverse", () => {
    let decided = 0;
    for (const { device, judgement } of devices) {
      const truth = h.tenant.council.devices.get(device.id);
      if (!truth) throw new Error(`device ${device.id} is not in the council`);
      const tpm = truth.hardwareInformation.tpmSpecificationVersion;
      const capable = meetsWindows11ProcessorFloor(truth.processorName) && tpm === "2.0";
      if (truth.operatingSystem !== "Windows") expect(judgement.windows11).toBe("not-windows");
      else if (!truth.osVersion.startsWith("10.0.19")) expect(judgement.windows11).toBe("running");
      else if (judgement.windows11 === "unknown") expect(tpm, device.device_name).toBe("");
      else {
        expect(judgement.windows11, device.device_name).toBe(capable ? "capable" : "not-capable");
        decided += 1;
      }
    }
    expect(decided).toBeGreaterThan(0);
  });

  it("counts the council's replacements in a wave over all its directorates, from the next devices sync", async () => {
    const directorates = h.tenant.council.directorates.map((d) => d.name);
    // Removals are stamped by the sync's clock, enrolments by the council's: the wave spans both.
    const realToday = new Date().toISOString().slice(0, 10);
    const changes = h.tenant.advance(30);
    const days = [realToday, h.tenant.council.today].sort();
    const wave = await createRefreshWave(
      h.store.db,
      { name: "Everyone", directorates, startsOn: days[0] as string, endsOn: days[1] as string, targetDevices: 500 },
      defaultRefreshPolicy,
      now,
    );
    expect((await h.sync("users")).status).toBe("succeeded");
    expect((await h.sync("devices")).status).toBe("succeeded");

    expect(changes.devicesReplaced.length).toBeGreaterThan(0);
    const [progress] = await refreshWaveProgress(h.store.db, new Date(`${wave.endsOn}T23:00:00Z`));
    expect(progress).toMatchObject({ replaced: changes.devicesReplaced.length, upgraded: 0 });
    expect(progress?.remaining).toBe(500 - changes.devicesReplaced.length);
  });
});
