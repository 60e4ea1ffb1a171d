import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, expect, it } from "vitest";
import { upsertManagedDevices } from "../../../core/devices/deviceRepository";
import { upsertDirectoryUsers } from "../../../core/directory/directoryRepository";
import { dueDevicesCsv } from "../../../core/refresh/dueDevicesCsv";
import { defaultRefreshPolicy } from "../../../core/refresh/refreshPolicy";
import type { Store } from "../../../core/store/openStore";
import { aManagedDevice, aPerson } from "../../support/deviceFactories";
import { describeOnEachEngine, openMigratedStore } from "../../support/storeEngines";

const NOW = new Date("2026-11-23T12:00:00Z");
const synced = new Date("2026-11-22T12:00:00Z");

const HEADER = [
  "Device",
  "Serial number",
  "Manufacturer",
  "Model",
  "Operating system",
  "Refresh state",
  "Reason",
  "Age from",
  "Estimated age (years)",
  "Enrolled",
  "Last check-in",
  "Compliance",
  "Owner",
  "Owner's sign-in name",
  "Directorate",
];

describeOnEachEngine("the CSV of devices due for refresh", (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openMigratedStore(engine);
  });
  afterEach(() => store?.close());

  const social = aPerson({
    displayName: 'O\'Brien, "Jo"',
    userPrincipalName: "jo.obrien@council.gov.uk",
    department: "Children's Services",
  });
  const planner = aPerson({ displayName: "Amy Ahmed", department: "Adult Social Care" });
  const prankster = aPerson({ displayName: '=HYPERLINK("http://evil.example","Click")', department: "Resources" });

  beforeEach(async () => {
    await upsertDirectoryUsers(store.db, [social, planner, prankster], synced);
    await upsertManagedDevices(
      store.db,
      [
        aManagedDevice({ deviceName: "LT-DUE", userId: planner.id, enrolledAt: new Date("2023-03-01T09:00:00Z") }),
        aManagedDevice({ deviceName: "LT-OLD", userId: social.id, enrolledAt: new Date("2022-01-20T09:00:00Z") }),
        aManagedDevice({
          deviceName: "LT-W10",
          userId: prankster.id,
          osVersion: "10.0.19045.6456",
          model: "Latitude 5480",
          serialNumber: "ABC,123",
          enrolledAt: new Date("2025-01-05T09:00:00Z"),
        }),
        aManagedDevice({ deviceName: "LT-NEW", userId: planner.id }),
        aManagedDevice({
          deviceName: "LT-GONE",
          enrolledAt: new Date("2019-01-01T09:00:00Z"),
          lastSyncAt: new Date("2026-05-01T09:00:00Z"),
        }),
      ],
      1,
      synced,
    );
  });

  it("lists only devices due, overdue or to be replaced, the most pressing first, with their owners and reasons", async () => {
    const { csv, devices } = await dueDevicesCsv(store.db, defaultRefreshPolicy, NOW);
    expect(devices).toBe(3);
    const [header, ...rows] = parse(csv, { bom: true }) as string[][];
    expect(header).toEqual(HEADER);
    expect(rows.map((r) => [r[0], r[5]])).toEqual([
      ["LT-W10", "Must replace"],
      ["LT-OLD", "Overdue"],
      ["LT-DUE", "Due"],
    ]);
    expect(rows[1]).toEqual([
      "LT-OLD",
      expect.any(String),
      "Dell Inc.",
      "Latitude 5440",
      "Windows 11 24H2",
      "Overdue",
      "It is about 4.8 years old (enrolled in Intune on 20 January 2022). That is past the 4-year replacement age.",
      "Enrolment date",
      "4.8",
      "2022-01-20",
      "2026-11-22",
      "compliant",
      'O\'Brien, "Jo"',
      "jo.obrien@council.gov.uk",
      "Children's Services",
    ]);
    expect(rows[0]?.[6]).toMatch(/^It runs Windows 10 and cannot run Windows 11: the Latitude 5480's processor/);
    expect(rows[0]?.[1]).toBe("ABC,123");
  });

  it("is a file Excel opens as UTF-8 text: byte-order mark, CRLF lines, quotes only where needed, no formulas", async () => {
    const { csv } = await dueDevicesCsv(store.db, defaultRefreshPolicy, NOW);
    expect(csv.startsWith("\uFEFFDevice,Serial number,")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(5);
    expect(csv).toContain(',"O\'Brien, ""Jo""",');
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil.example"",""Click"")",`);
    expect(csv).not.toMatch(/,=/);
  });
});
