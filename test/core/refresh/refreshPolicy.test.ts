import type { Selectable } from "kysely";
import { describe, expect, it } from "vitest";
import type { DeviceHardware, ManagedDeviceTable } from "../../../core/devices/managedDevice";
import {
  classifyDevice,
  defaultRefreshPolicy,
  type RefreshPolicy,
  replacementStates,
} from "../../../core/refresh/refreshPolicy";
import { aClassifiableDevice } from "../../support/deviceFactories";

const NOW = new Date("2026-11-23T12:00:00Z");
const DAY = 24 * 3600 * 1000;
const YEAR = 365.25 * DAY;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const policy = defaultRefreshPolicy;
const WINDOWS_10 = "10.0.19045.6456";

describe("refresh policy: age", () => {
  it("calls a device enrolled a year ago current, and says when it will be due", () => {
    const result = classifyDevice(aClassifiableDevice({ enrolled_at: ago(YEAR) }), policy, NOW);
    expect(result).toMatchObject({ state: "current", ageEvidence: "enrolment", windows11: "running" });
    expect(result.estimatedAgeYears).toBeCloseTo(1, 5);
    expect(result.reason).toBe(
      "It is about 1.0 years old (enrolled in Intune on 23 November 2025). Replacement is due at 4 years, on 23 November 2029.",
    );
  });

  it("calls a device due from six months before the replacement age, and current the day before that", () => {
    const dueFrom = 4 * YEAR - 0.5 * YEAR;
    const due = classifyDevice(aClassifiableDevice({ enrolled_at: ago(dueFrom) }), policy, NOW);
    expect(due.state).toBe("due");
    expect(due.reason).toMatch(
      /^It is about 3\.5 years old \(enrolled in Intune on .+\)\. It reaches the 4-year replacement age on .+ 2027\.$/,
    );
    expect(classifyDevice(aClassifiableDevice({ enrolled_at: ago(dueFrom - DAY) }), policy, NOW).state).toBe("current");
  });

  it("calls a device overdue on the day it reaches the replacement age, and never rounds a younger one up to it", () => {
    const overdue = classifyDevice(aClassifiableDevice({ enrolled_at: ago(4 * YEAR) }), policy, NOW);
    expect(overdue.state).toBe("overdue");
    expect(overdue.reason).toContain("That is past the 4-year replacement age.");
    const dayShort = classifyDevice(aClassifiableDevice({ enrolled_at: ago(4 * YEAR - DAY) }), policy, NOW);
    expect(dayShort.state).toBe("due");
    expect(dayShort.reason).toContain("about 3.9 years old");
  });

  it("follows the configured age and due window", () => {
    const fiveYears: RefreshPolicy = { ...policy, ageYears: 5, dueMonths: 12 };
    const device = aClassifiableDevice({ enrolled_at: ago(4.5 * YEAR) });
    expect(classifyDevice(device, policy, NOW).state).toBe("overdue");
    expect(classifyDevice(device, fiveYears, NOW).state).toBe("due");
    expect(classifyDevice(device, { ...fiveYears, dueMonths: 0 }, NOW).state).toBe("current");
  });
});

describe("refresh policy: evidence of age", () => {
  it("takes the enrolment date when Intune has one", () => {
    const result = classifyDevice(aClassifiableDevice({ enrolled_at: ago(2 * YEAR) }), policy, NOW);
    expect(result.ageEvidence).toBe("enrolment");
    expect(result.estimatedAgeYears).toBeCloseTo(2, 5);
  });

  it("keeps the enrolment date for a model that came out long before it, and says the device may be older", () => {
    const result = classifyDevice(
      aClassifiableDevice({ model: "Latitude 5490", enrolled_at: new Date("2023-02-01T10:00:00Z") }),
      policy,
      NOW,
    );
    expect(result.ageEvidence).toBe("enrolment");
    expect(result.reason).toContain(
      "enrolled in Intune on 1 February 2023; the Latitude 5490 came out in 2018, so it is older if that was not its first enrolment",
    );
  });

  it("falls back to the year its model came out when Intune gives no enrolment date", () => {
    const result = classifyDevice(aClassifiableDevice({ model: "Latitude 5430", enrolled_at: null }), policy, NOW);
    expect(result).toMatchObject({ state: "overdue", ageEvidence: "model-release" });
    // From the middle of 2022, the only part of the release date known.
    expect(result.estimatedAgeYears).toBeCloseTo((NOW.getTime() - Date.UTC(2022, 6, 1)) / YEAR, 5);
    expect(result.reason).toContain("(the Latitude 5430 came out in 2022; Intune gives no enrolment date)");
  });

  it("says the age cannot be estimated when there is neither an enrolment date nor a known model", () => {
    const unknownModel = classifyDevice(
      aClassifiableDevice({ model: "Contoso Book 9", enrolled_at: null, last_sync_at: ago(DAY) }),
      policy,
      NOW,
    );
    expect(unknownModel).toMatchObject({ state: "unknown", ageEvidence: "none", estimatedAgeYears: null });
    expect(unknownModel.reason).toBe(
      "Its age cannot be estimated: Intune gives no enrolment date, and ICT Hub does not know when the Contoso Book 9 came out.",
    );
    const noModel = classifyDevice(aClassifiableDevice({ model: null, enrolled_at: null }), policy, NOW);
    expect(noModel.reason).toBe("Its age cannot be estimated: Intune gives neither an enrolment date nor a model.");
  });
});

describe("refresh policy: Windows 11", () => {
  const windows10 = (overrides: Parameters<typeof aClassifiableDevice>[0] = {}) =>
    aClassifiableDevice({ os_version: WINDOWS_10, model: "Latitude 5430", enrolled_at: ago(2 * YEAR), ...overrides });

  it("marks a Windows 10 PC whose model's processor and TPM meet the requirements for upgrade", () => {
    const result = classifyDevice(windows10(), policy, NOW);
    expect(result).toMatchObject({ state: "upgrade-to-windows-11", windows11: "capable" });
    expect(result.reason).toBe(
      "It runs Windows 10 and can run Windows 11: the Latitude 5430's processor meets Windows 11's requirement, and it reports TPM 2.0. It is about 2.0 years old (enrolled in Intune on 23 November 2024).",
    );
  });

  it("says a young Windows 10 PC whose processor is too old must be replaced", () => {
    const result = classifyDevice(windows10({ model: "Latitude 5480", enrolled_at: ago(YEAR) }), policy, NOW);
    expect(result).toMatchObject({ state: "must-replace", windows11: "not-capable" });
    expect(result.reason).toMatch(
      /^It runs Windows 10 and cannot run Windows 11: the Latitude 5480's processor is older than Windows 11 supports\. It is about 1\.0 years old/,
    );
  });

  it("says a Windows 10 PC with TPM 1.2 must be replaced, naming the TPM", () => {
    const result = classifyDevice(windows10({ hardware: { tpmSpecificationVersion: "1.2" } }), policy, NOW);
    expect(result.state).toBe("must-replace");
    expect(result.reason).toContain("cannot run Windows 11: it reports TPM 1.2, and Windows 11 needs TPM 2.0.");
  });

  it("names both failings when the processor and the TPM both fall short", () => {
    const result = classifyDevice(
      windows10({ model: "ThinkPad T460", hardware: { tpmSpecificationVersion: "1.2" } }),
      policy,
      NOW,
    );
    expect(result.reason).toContain(
      "the ThinkPad T460's processor is older than Windows 11 supports, and it reports TPM 1.2, and Windows 11 needs TPM 2.0",
    );
  });

  it("reads Intune's longer TPM version strings by their first number", () => {
    const result = classifyDevice(windows10({ hardware: { tpmSpecificationVersion: "2.0, 0, 1.38" } }), policy, NOW);
    expect(result.windows11).toBe("capable");
  });

  it.each([
    [
      "the model is not one ICT Hub knows",
      { model: "Contoso Book 9" },
      "ICT Hub does not know which processor the Contoso Book 9 has",
    ],
    ["Intune does not name the model", { model: null }, "Intune does not name its model, so its processor is unknown"],
    [
      "Intune reports no TPM",
      { hardware: { tpmSpecificationVersion: null } },
      "Intune reports no TPM (there may be none, or it may be switched off in the firmware)",
    ],
    [
      "the hardware facts have not been read",
      { hardware: null },
      "its hardware facts (the TPM) have not been read from Intune yet",
    ],
  ])("does not guess when %s: the state follows age and the reason says what is missing", (_, overrides, missing) => {
    const result = classifyDevice(windows10(overrides), policy, NOW);
    expect(result).toMatchObject({ state: "current", windows11: "unknown" });
    expect(result.reason).toContain(`Whether it can run Windows 11 cannot be told: ${missing}.`);
  });

  it("replaces rather than upgrades a capable Windows 10 PC that is past the replacement age, and says it could run Windows 11", () => {
    const result = classifyDevice(windows10({ enrolled_at: ago(5 * YEAR) }), policy, NOW);
    expect(result.state).toBe("overdue");
    expect(result.reason).toMatch(
      /past the 4-year replacement age\. It runs Windows 10 and could run Windows 11 \(.+\)\.$/,
    );
  });

  it("judges Windows 11 PCs and tablets by age alone", () => {
    expect(classifyDevice(aClassifiableDevice({ enrolled_at: ago(YEAR) }), policy, NOW)).toMatchObject({
      state: "current",
      windows11: "running",
    });
    const tablet = aClassifiableDevice({
      operating_system: "iOS",
      os_version: "18.7.2",
      model: "iPad (7th generation)",
      hardware: { tpmSpecificationVersion: null },
      enrolled_at: ago(5 * YEAR),
    });
    expect(classifyDevice(tablet, policy, NOW)).toMatchObject({ state: "overdue", windows11: "not-windows" });
  });

  it("judges Windows 10 PCs by age alone when the policy does not require Windows 11", () => {
    const relaxed = { ...policy, requireWindows11: false };
    const result = classifyDevice(windows10({ model: "Latitude 5480", enrolled_at: ago(YEAR) }), relaxed, NOW);
    expect(result.state).toBe("current");
    expect(result.reason).not.toContain("Windows 11");
  });
});

describe("refresh policy: devices that stop checking in", () => {
  it("counts a device silent for 30 days as stale, and for 29 not", () => {
    expect(classifyDevice(aClassifiableDevice({ last_sync_at: ago(29 * DAY) }), policy, NOW).state).toBe("current");
    const stale = classifyDevice(aClassifiableDevice({ last_sync_at: ago(30 * DAY) }), policy, NOW);
    expect(stale.state).toBe("stale");
    expect(stale.reason).toBe(
      "It has not checked in with Intune for 30 days (last on 24 October 2026); a device is stale after 30 days.",
    );
  });

  it("presumes a device silent for 90 days lost, and for 89 stale", () => {
    expect(classifyDevice(aClassifiableDevice({ last_sync_at: ago(89 * DAY) }), policy, NOW).state).toBe("stale");
    const lost = classifyDevice(aClassifiableDevice({ last_sync_at: ago(90 * DAY) }), policy, NOW);
    expect(lost.state).toBe("lost");
    expect(lost.reason).toContain("after 90 days a device is presumed lost: find it, or retire it in Intune.");
  });

  it("puts silence before everything else: a lost PC that cannot run Windows 11 is lost", () => {
    const device = aClassifiableDevice({
      os_version: WINDOWS_10,
      model: "Latitude 5480",
      last_sync_at: ago(200 * DAY),
    });
    expect(classifyDevice(device, policy, NOW)).toMatchObject({ state: "lost", windows11: "not-capable" });
  });

  it("measures silence from the enrolment when Intune has no check-in at all", () => {
    const device = aClassifiableDevice({ last_sync_at: null, enrolled_at: ago(45 * DAY) });
    expect(classifyDevice(device, policy, NOW).state).toBe("stale");
  });

  it("follows the configured thresholds", () => {
    const device = aClassifiableDevice({ last_sync_at: ago(20 * DAY) });
    expect(classifyDevice(device, { ...policy, staleDays: 14, lostDays: 60 }, NOW).state).toBe("stale");
    expect(classifyDevice(device, { ...policy, staleDays: 7, lostDays: 14 }, NOW).state).toBe("lost");
  });
});

describe("refresh policy: compliance", () => {
  const noncompliant = aClassifiableDevice({ compliance_state: "noncompliant", enrolled_at: ago(YEAR) });

  it("leaves a young noncompliant device current by default", () => {
    expect(classifyDevice(noncompliant, policy, NOW).state).toBe("current");
  });

  it("counts it due when the policy says noncompliant devices are due", () => {
    const result = classifyDevice(noncompliant, { ...policy, noncompliantIsDue: true }, NOW);
    expect(result.state).toBe("due");
    expect(result.reason).toContain(
      "Intune marks it noncompliant, and the refresh policy counts noncompliant devices as due.",
    );
  });
});

describe("refresh policy: what the request flow relies on", () => {
  it("makes due, overdue and must-replace the states that allow a replacement", () => {
    expect([...replacementStates].sort()).toEqual(["due", "must-replace", "overdue"]);
  });

  it("classifies a whole managed_device row as the store returns it, hardware document and all", () => {
    const hardware: DeviceHardware = {
      tpmSpecificationVersion: "1.2",
      tpmManufacturer: "IFX",
      systemManagementBIOSVersion: "1.2.0",
      batteryHealthPercentage: 80,
      batteryChargeCycles: 300,
      operatingSystemEdition: "Enterprise",
    };
    const row: Selectable<ManagedDeviceTable> = {
      id: "d1",
      device_name: "TEST-LT-00001",
      user_id: null,
      user_principal_name: null,
      operating_system: "Windows",
      os_version: WINDOWS_10,
      manufacturer: "Dell Inc.",
      model: "Latitude 5420",
      serial_number: "ABC1234",
      enrolled_at: ago(YEAR),
      last_sync_at: ago(DAY),
      compliance_state: "compliant",
      total_storage_bytes: null,
      free_storage_bytes: null,
      memory_bytes: null,
      hardware,
      hardware_read_at: ago(DAY),
      synced_at: ago(DAY),
      sync_run: 1,
      removed_at: null,
      upgraded_to_windows_11_at: null,
    };
    expect(classifyDevice(row, policy, NOW).state).toBe("must-replace");
  });
});
