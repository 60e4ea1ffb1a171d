import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type Council, generateCouncil } from "../../../../graph/devtenant/council";

const DAY_MS = 86_400_000;

function digest(council: Council): string {
  const content = JSON.stringify([
    council.tenantId,
    council.displayName,
    [...council.users.values()],
    [...council.devices.values()],
    council.sites,
    council.directorates,
  ]);
  return createHash("sha256").update(content).digest("hex");
}

function daysBefore(council: Council, dateTime: string): number {
  return (Date.parse(`${council.today}T23:59:59Z`) - Date.parse(dateTime)) / DAY_MS;
}

const council = generateCouncil({ seed: 7, staff: 5000, devices: 5500 });
const users = [...council.users.values()];
const devices = [...council.devices.values()];

describe("generateCouncil", () => {
  it("builds the same council, byte for byte, from the same seed", () => {
    expect(digest(generateCouncil({ seed: 7, staff: 5000, devices: 5500 }))).toBe(digest(council));
  });

  it("builds a different council from a different seed", () => {
    expect(digest(generateCouncil({ seed: 8, staff: 5000, devices: 5500 }))).not.toBe(digest(council));
  });

  it("has exactly the staff and devices asked for, and 15 directorates for 5,000 staff", () => {
    expect(council.users.size).toBe(5000);
    expect(council.devices.size).toBe(5500);
    expect(council.directorates).toHaveLength(15);
    expect(council.today).toBe("2026-11-23");
  });

  it("scales the number of directorates with the staff, never fewer than 3, and honours an explicit count", () => {
    expect(generateCouncil({ seed: 1, staff: 300, devices: 0 }).directorates).toHaveLength(3);
    expect(generateCouncil({ seed: 1, staff: 2000, devices: 0 }).directorates).toHaveLength(6);
    expect(generateCouncil({ seed: 1, staff: 2000, devices: 0, directorates: 4 }).directorates).toHaveLength(4);
    expect(() => generateCouncil({ seed: 1, staff: 2000, devices: 0, directorates: 2 })).toThrow(RangeError);
  });

  it("names the tenant after a place and uses its domain and SharePoint host throughout", () => {
    expect(council.tenantId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(council.displayName).toMatch(/Council$/);
    expect(council.domain).toBe(`${council.sharePointHost}.gov.uk`);
    for (const user of users) expect(user.userPrincipalName.endsWith(`@${council.domain}`)).toBe(true);
    for (const site of council.sites) {
      expect(site.webUrl).toBe(`https://${council.sharePointHost}.sharepoint.com/sites/${site.name}`);
      expect(site.id.startsWith(`${council.sharePointHost}.sharepoint.com,`)).toBe(true);
    }
  });

  it("has one chief executive, with no manager, to whom every other director reports", () => {
    const roots = users.filter((user) => user.managerId === null);
    expect(roots).toHaveLength(1);
    const chiefExecutive = roots[0];
    expect(chiefExecutive?.jobTitle).toBe("Chief Executive");
    for (const directorate of council.directorates) {
      if (directorate.headUserId === chiefExecutive?.id) continue;
      expect(council.users.get(directorate.headUserId)?.managerId).toBe(chiefExecutive?.id);
    }
  });

  it("has service managers reporting to their director, and every manager is someone in the council", () => {
    for (const directorate of council.directorates) {
      for (const service of directorate.services) {
        expect(council.users.get(service.managerUserId)?.managerId).toBe(directorate.headUserId);
      }
    }
    for (const user of users) {
      if (user.managerId !== null) expect(council.users.has(user.managerId)).toBe(true);
    }
  });

  it("has no management loops: every chain of managers ends at the chief executive", () => {
    for (const user of users) {
      let current: string | null = user.id;
      let steps = 0;
      while (current !== null && steps <= users.length) {
        current = council.users.get(current)?.managerId ?? null;
        steps++;
      }
      expect(current).toBeNull();
    }
  });

  it("keeps spans of control to a dozen direct reports below the directors", () => {
    const directors = new Set(council.directorates.map((directorate) => directorate.headUserId));
    const reports = new Map<string, number>();
    for (const user of users) {
      if (user.managerId && !directors.has(user.managerId)) {
        reports.set(user.managerId, (reports.get(user.managerId) ?? 0) + 1);
      }
    }
    expect(Math.max(...reports.values())).toBeLessThanOrEqual(12);
  });

  it("places everyone in a service of their directorate, with the directorate's name as department", () => {
    const services = new Map(
      council.directorates.flatMap((directorate) =>
        directorate.services.map((service) => [service.id, { directorate, service }] as const),
      ),
    );
    for (const user of users) {
      const place = services.get(user.serviceId);
      expect(place?.directorate.id).toBe(user.directorateId);
      expect(place?.service.name).toBe(user.serviceName);
      expect(user.department).toBe(place?.directorate.name);
    }
  });

  it("gives everyone a unique, lowercase, ASCII sign-in name", () => {
    const names = users.map((user) => user.userPrincipalName);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9.-]+@[a-z0-9.-]+$/);
  });

  it("disables about 2% of accounts and leaves about 3% unlicensed", () => {
    const disabled = users.filter((user) => !user.accountEnabled).length / users.length;
    const unlicensed = users.filter((user) => !user.isLicensed).length / users.length;
    expect(disabled).toBeGreaterThan(0.01);
    expect(disabled).toBeLessThan(0.03);
    expect(unlicensed).toBeGreaterThan(0.02);
    expect(unlicensed).toBeLessThan(0.04);
  });

  it("gives office services heavier Microsoft 365 habits and frontline ones more mobile use", () => {
    const average = (department: string, value: (engagement: number, mobile: number) => number) => {
      const staff = users.filter((user) => user.department === department);
      return staff.reduce((sum, user) => sum + value(user.engagement, user.mobileShare), 0) / staff.length;
    };
    expect(average("Resources", (e) => e)).toBeGreaterThan(average("Environment", (e) => e) + 0.2);
    expect(average("Environment", (_, m) => m)).toBeGreaterThan(average("Resources", (_, m) => m) + 0.2);
  });

  it("gives OneDrive realistic use: up to 50 GB of 1 TB, and some never opened", () => {
    const neverUsed = users.filter((user) => user.oneDrive.lastActivityDate === null);
    expect(neverUsed.length).toBeGreaterThan(0);
    for (const user of neverUsed) expect(user.oneDrive.fileCount).toBe(0);
    for (const user of users) {
      expect(user.oneDrive.storageAllocated).toBe(1024 ** 4);
      expect(user.oneDrive.storageUsed).toBeLessThanOrEqual(50 * 1024 ** 3);
    }
  });

  it("assigns devices only to people in the council, and leaves a few shared", () => {
    for (const device of devices) {
      if (device.userId !== null) expect(council.users.has(device.userId)).toBe(true);
    }
    expect(devices.some((device) => device.userId === null)).toBe(true);
    const perUser = new Map<string, number>();
    for (const device of devices) {
      if (device.userId) perUser.set(device.userId, (perUser.get(device.userId) ?? 0) + 1);
    }
    expect([...perUser.values()].some((count) => count >= 2)).toBe(true);
  });

  it("is mostly laptops, with desktops and tablets", () => {
    const share = (chassis: string) => devices.filter((device) => device.chassis === chassis).length / devices.length;
    expect(share("laptop")).toBeGreaterThan(0.55);
    expect(share("desktop")).toBeGreaterThan(0.08);
    expect(share("tablet")).toBeGreaterThan(0.08);
  });

  it("names devices by council and chassis, uniquely, with unique serial numbers", () => {
    const prefix = council.sharePointHost.slice(0, 4).toUpperCase();
    for (const device of devices) {
      expect(device.deviceName).toMatch(new RegExp(`^${prefix}-(LT|DT|TB)-\\d{5}$`));
      expect(device.serialNumber).toBe(device.hardwareInformation.serialNumber);
    }
    expect(new Set(devices.map((device) => device.deviceName)).size).toBe(devices.length);
    expect(new Set(devices.map((device) => device.serialNumber)).size).toBe(devices.length);
  });

  it("never runs Windows 11 on an Intel processor older than 8th generation, and does have such old machines", () => {
    const preEighthGeneration = devices.filter((device) => /Core\(TM\) i\d-[4-7]\d{3}/.test(device.processorName));
    expect(preEighthGeneration.length).toBeGreaterThan(0);
    for (const device of preEighthGeneration) expect(device.osVersion).toMatch(/^10\.0\.19045\./);
  });

  it("has TPM 2.0 in every Windows 11 device, and keeps some capable devices on Windows 10", () => {
    const windows11 = devices.filter((device) => /^10\.0\.(22631|26100)\./.test(device.osVersion));
    expect(windows11.length).toBeGreaterThan(0);
    for (const device of windows11) expect(device.hardwareInformation.tpmSpecificationVersion).toBe("2.0");
    const capableOnWindows10 = devices.filter(
      (device) =>
        device.osVersion.startsWith("10.0.19045.") &&
        device.hardwareInformation.tpmSpecificationVersion === "2.0" &&
        !/Core\(TM\) i\d-[4-7]\d{3}/.test(device.processorName),
    );
    expect(capableOnWindows10.length).toBeGreaterThan(0);
  });

  it("gives tablets iOS or Android and no Windows facts; batteries to all but desktops", () => {
    for (const device of devices) {
      if (device.chassis === "tablet") expect(["iOS", "Android"]).toContain(device.operatingSystem);
      else expect(device.operatingSystem).toBe("Windows");
      if (device.chassis === "desktop") expect(device.hardwareInformation.batteryHealthPercentage).toBeNull();
      else expect(device.hardwareInformation.batteryHealthPercentage).toBeGreaterThan(0);
    }
  });

  it("spreads enrolments over the seven years before today, none after it, and chooses models no newer than the enrolment", () => {
    const ages = devices.map((device) => daysBefore(council, device.enrolledDateTime));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(7 * 365 + 1);
    expect(Math.max(...ages)).toBeGreaterThan(6.5 * 365);
    for (const device of devices) {
      expect(device.modelYear).toBeLessThanOrEqual(Number(device.enrolledDateTime.slice(0, 4)));
    }
  });

  it("has most devices synced within a week, some stale beyond 30 days and a few beyond 90", () => {
    const staleness = devices.map((device) => daysBefore(council, device.lastSyncDateTime));
    const share = (test: (days: number) => boolean) => staleness.filter(test).length / devices.length;
    expect(share((days) => days < 0)).toBe(0);
    expect(share((days) => days <= 8)).toBeGreaterThan(0.8);
    expect(share((days) => days > 30)).toBeGreaterThan(0.05);
    expect(share((days) => days > 90)).toBeGreaterThan(0.01);
    for (const device of devices) expect(device.lastSyncDateTime >= device.enrolledDateTime).toBe(true);
  });

  it("is mostly compliant, with some noncompliant devices", () => {
    const states = devices.map((device) => device.complianceState);
    expect(states.filter((state) => state === "compliant").length / states.length).toBeGreaterThan(0.7);
    expect(states).toContain("noncompliant");
  });

  it("has one SharePoint site per service with a Documents drive whose quota adds up", () => {
    const serviceIds = council.directorates.flatMap((directorate) => directorate.services.map((service) => service.id));
    expect(council.sites.map((site) => site.serviceId).sort()).toEqual([...serviceIds].sort());
    for (const site of council.sites) {
      const { quota } = site.drive;
      expect(site.drive.id.startsWith("b!")).toBe(true);
      expect(quota.used).toBeGreaterThanOrEqual(1024 ** 3);
      expect(quota.used + quota.remaining).toBe(quota.total);
      expect(site.drive.rootChildCount).toBeGreaterThanOrEqual(3);
      expect(site.drive.rootChildCount).toBeLessThanOrEqual(60);
      expect(council.users.has(site.ownerUserId)).toBe(true);
    }
  });

  it("starts at version 1 with nothing removed and no Teams apps installed", () => {
    expect(council.version).toBe(1);
    expect(users.every((user) => user.version === 1)).toBe(true);
    expect(devices.every((device) => device.version === 1)).toBe(true);
    expect(council.removedUsers.size).toBe(0);
    expect(council.removedDevices.size).toBe(0);
    expect(council.installedApps.size).toBe(0);
  });

  it("generates a council of 20,000 staff and 50,000 devices", () => {
    const large = generateCouncil({ seed: 1, staff: 20_000, devices: 50_000 });
    expect(large.users.size).toBe(20_000);
    expect(large.devices.size).toBe(50_000);
  });
});
