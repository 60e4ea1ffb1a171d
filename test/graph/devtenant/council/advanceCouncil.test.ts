import { describe, expect, it } from "vitest";
import { advanceCouncil, type Council, generateCouncil } from "../../../../graph/devtenant/council";

const options = { seed: 11, staff: 5000, devices: 5500 };

function snapshot(council: Council): string {
  return JSON.stringify([
    council.today,
    council.version,
    [...council.users.values()],
    [...council.devices.values()],
    [...council.removedUsers],
    [...council.removedDevices],
  ]);
}

function advanced(days: number): { council: Council; before: Council; changes: ReturnType<typeof advanceCouncil> } {
  const before = generateCouncil(options);
  const council = generateCouncil(options);
  return { council, before, changes: advanceCouncil(council, days) };
}

describe("advanceCouncil", () => {
  const { council, before, changes } = advanced(7);

  it("changes the council the same way every time from the same seed and version", () => {
    const again = advanced(7);
    expect(again.changes).toEqual(changes);
    expect(snapshot(again.council)).toBe(snapshot(council));
  });

  it("moves today forward and stamps every change with one new version", () => {
    expect(council.today).toBe("2026-11-30");
    expect(council.version).toBe(2);
    const versions = new Set([
      ...[...council.users.values()].map((user) => user.version),
      ...[...council.devices.values()].map((device) => device.version),
      ...council.removedUsers.values(),
      ...council.removedDevices.values(),
    ]);
    expect([...versions].sort()).toEqual([1, 2]);
  });

  it("bumps the version once per call, however much changed", () => {
    const { council: twice } = advanced(3);
    advanceCouncil(twice, 1);
    expect(twice.version).toBe(3);
    expect(Math.max(...[...twice.users.values()].map((user) => user.version))).toBe(3);
  });

  it("has people joining, leaving and moving, and devices replaced and synced", () => {
    expect(changes.days).toBe(7);
    expect(changes.joiners.length).toBeGreaterThan(0);
    expect(changes.leavers.length).toBeGreaterThan(0);
    expect(changes.movers.length).toBeGreaterThan(0);
    expect(changes.devicesReplaced.length).toBeGreaterThan(0);
    expect(changes.devicesSynced).toBeGreaterThan(before.devices.size / 2);
  });

  it("removes leavers into removedUsers and leaves them managing no one and owning nothing", () => {
    const leavers = new Set(changes.leavers);
    for (const id of leavers) {
      expect(council.users.has(id)).toBe(false);
      expect(council.removedUsers.get(id)).toBe(2);
    }
    for (const user of council.users.values()) expect(leavers.has(user.managerId ?? "")).toBe(false);
    for (const device of council.devices.values()) expect(leavers.has(device.userId ?? "")).toBe(false);
  });

  it("hands a leaver's team to the leaver's manager, and unassigns the leaver's devices", () => {
    const leavers = new Set(changes.leavers);
    for (const [id, report] of before.users) {
      const now = council.users.get(id);
      if (!now || !leavers.has(report.managerId ?? "")) continue;
      expect(now.version).toBe(2);
      expect(council.users.has(now.managerId ?? "")).toBe(true);
    }
    for (const [id, device] of before.devices) {
      const now = council.devices.get(id);
      if (!now || !leavers.has(device.userId ?? "")) continue;
      expect(now.userId).toBeNull();
      expect(now.version).toBe(2);
    }
  });

  it("gives joiners a manager in the council, today's creation date and the new version", () => {
    for (const id of changes.joiners) {
      const joiner = council.users.get(id);
      expect(joiner?.version).toBe(2);
      expect(joiner?.createdDateTime.startsWith("2026-11-30")).toBe(true);
      expect(council.users.has(joiner?.managerId ?? "")).toBe(true);
      expect(before.users.has(id)).toBe(false);
    }
  });

  it("moves movers to another service with a manager there", () => {
    for (const id of changes.movers) {
      const mover = council.users.get(id);
      const manager = council.users.get(mover?.managerId ?? "");
      expect(mover?.version).toBe(2);
      expect(mover?.serviceId).not.toBe(before.users.get(id)?.serviceId);
      expect(manager?.serviceId).toBe(mover?.serviceId);
      expect(mover?.department).toBe(council.directorates.find((d) => d.id === mover?.directorateId)?.name);
    }
  });

  it("keeps one chief executive and a manager for everyone else", () => {
    const users = [...council.users.values()];
    expect(users.filter((user) => user.managerId === null)).toHaveLength(1);
    for (const user of users) {
      if (user.managerId !== null) expect(council.users.has(user.managerId)).toBe(true);
    }
    for (const directorate of council.directorates) {
      expect(council.users.has(directorate.headUserId)).toBe(true);
      for (const service of directorate.services) expect(council.users.has(service.managerUserId)).toBe(true);
    }
  });

  it("retires replaced devices and enrols a new Windows 11 device for the same person today", () => {
    for (const { retired, enrolled } of changes.devicesReplaced) {
      expect(council.devices.has(retired)).toBe(false);
      expect(council.removedDevices.get(retired)).toBe(2);
      const old = before.devices.get(retired);
      const replacement = council.devices.get(enrolled);
      expect(replacement?.userId).toBe(old?.userId);
      expect(replacement?.chassis).toBe(old?.chassis);
      expect(replacement?.version).toBe(2);
      expect(replacement?.enrolledDateTime.startsWith("2026-11-30")).toBe(true);
      expect(replacement?.osVersion).toMatch(/^10\.0\.(22631|26100)\./);
      expect(replacement?.hardwareInformation.tpmSpecificationVersion).toBe("2.0");
      expect(replacement?.modelYear).toBeGreaterThan(old?.modelYear ?? 0);
    }
  });

  it("keeps the device count steady and the staff count close", () => {
    expect(council.devices.size).toBe(before.devices.size);
    expect(Math.abs(council.users.size - before.users.size)).toBeLessThan(50);
  });

  it("refreshes synced devices' last check-in within the days advanced", () => {
    const synced = [...council.devices.values()].filter(
      (device) => device.version === 2 && device.lastSyncDateTime !== before.devices.get(device.id)?.lastSyncDateTime,
    );
    expect(synced.length).toBeGreaterThanOrEqual(changes.devicesSynced);
    for (const device of synced) expect(device.lastSyncDateTime > "2026-11-24").toBe(true);
  });

  it("changes nothing when advanced by no days", () => {
    const still = generateCouncil(options);
    const untouched = snapshot(still);
    const none = advanceCouncil(still, 0);
    expect(none).toEqual({ days: 0, joiners: [], leavers: [], movers: [], devicesReplaced: [], devicesSynced: 0 });
    expect(snapshot(still)).toBe(untouched);
  });

  it("can run for months, keeping the structure sound", () => {
    const { council: aged } = advanced(1);
    for (let week = 0; week < 26; week++) advanceCouncil(aged, 7);
    expect(aged.version).toBe(28);
    const users = [...aged.users.values()];
    expect(users.filter((user) => user.managerId === null)).toHaveLength(1);
    for (const user of users) {
      if (user.managerId !== null) expect(aged.users.has(user.managerId)).toBe(true);
    }
    for (const device of aged.devices.values()) {
      if (device.userId !== null) expect(aged.users.has(device.userId)).toBe(true);
    }
  });
});
