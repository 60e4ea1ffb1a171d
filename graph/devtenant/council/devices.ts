/**
 * One Intune-managed device, consistent with itself: the model fits the year
 * it was enrolled, the processor and TPM decide whether it can run Windows 11,
 * and a device that has stopped syncing is also behind on updates and more
 * often noncompliant. Used by the generator and by advance (replacements).
 */

import { dateOf, dateTimeOf, firstDayOfYear, yearOf } from "./dates";
import {
  type Chassis,
  DEVICE_MODELS,
  type DeviceModel,
  MANUFACTURERS,
  meetsWindows11ProcessorFloor,
  WINDOWS_BUILDS,
} from "./hardware";
import type { CouncilProfile } from "./profile";
import type { Random } from "./random";
import type { ComplianceState, CouncilDevice } from "./types";

export type FleetContext = {
  random: Random;
  profile: CouncilProfile;
  todayDay: number;
  /** Serial numbers already issued. */
  serials: Set<string>;
  /** Candidate models and their weights per chassis and year, worked out once. */
  modelTables: Map<string, { models: DeviceModel[]; weights: number[] }>;
};

export type DeviceRequest = {
  chassis: Chassis;
  userId: string | null;
  enrolDay: number;
  /** The number in the device name, e.g. 4821 in LLAN-LT-04821. */
  assetNumber: number;
  /** A replacement bought now: the current model, built on Windows 11, compliant and just synced. */
  fresh: boolean;
  version: number;
};

const NAME_CODES: Readonly<Record<Chassis, string>> = { laptop: "LT", desktop: "DT", tablet: "TB" };

/** Councils mostly buy the current or last year's model, sometimes older stock. Index: years between release and purchase. */
const AGE_WEIGHTS = [3, 4, 1.5, 0.8, 0.4, 0.1];
const GIGABYTE = 1024 ** 3;
const ALPHANUMERIC = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS = "0123456789";
const TPM_CHIPS = [
  { manufacturer: "IFX", version: "7.85.4555.0" },
  { manufacturer: "NTC", version: "7.2.3.1" },
  { manufacturer: "STM", version: "1.769.0.0" },
  { manufacturer: "INTC", version: "600.18.0.0" },
];
const OLD_TPM_CHIPS = [
  { manufacturer: "IFX", version: "6.43.243.0" },
  { manufacturer: "NTC", version: "5.81.2.1" },
];

export function makeDevice(context: FleetContext, request: DeviceRequest): CouncilDevice {
  const { random, todayDay } = context;
  const { chassis, enrolDay, fresh } = request;
  const model = modelFor(context, chassis, yearOf(enrolDay), fresh);
  const processorName = random.pick(model.processors);
  const ageDays = todayDay - enrolDay;
  const staleDays = fresh ? 0 : staleDaysFor(random, ageDays);
  const enrolSecond = random.int(8 * 3600, 17 * 3600);
  const syncDay = todayDay - staleDays;
  const syncSecond =
    syncDay === enrolDay ? Math.min(86_399, enrolSecond + random.int(300, 7200)) : random.int(6 * 3600, 20 * 3600);

  const tpm = tpmFor(random, chassis, model, processorName, fresh);
  const capable = meetsWindows11ProcessorFloor(processorName) && tpm.specification === "2.0";
  const os =
    chassis === "tablet" ? tabletOs(random, model) : windowsOs(random, model, ageDays, staleDays, capable, fresh);
  const complianceState = fresh ? "compliant" : complianceFor(random, staleDays, capable);
  const serialNumber = serialFor(context, model);
  const nominalGb = random.pick(model.storageGb);
  const totalStorage = nominalGb * 1_000_000_000 - random.int(chassis === "tablet" ? 0 : 600, 2000) * 1024 * 1024;
  const ageYears = ageDays / 365;
  const fullness = fresh ? 0.1 : Math.min(0.95, random.between(0.2, 0.85) + ageYears * 0.02);
  const freeStorage = Math.round(totalStorage * (1 - fullness));
  const battery = batteryFor(random, chassis, ageDays, fresh);

  return {
    id: random.guid(),
    deviceName: `${context.profile.devicePrefix}-${NAME_CODES[chassis]}-${String(request.assetNumber).padStart(5, "0")}`,
    userId: request.userId,
    operatingSystem: os.name,
    osVersion: os.version,
    chassis,
    manufacturer: MANUFACTURERS[model.vendor],
    model: model.model,
    modelYear: model.year,
    processorName,
    serialNumber,
    enrolledDateTime: dateTimeOf(enrolDay, enrolSecond),
    lastSyncDateTime: dateTimeOf(syncDay, syncSecond),
    complianceState,
    totalStorageSpaceInBytes: totalStorage,
    freeStorageSpaceInBytes: freeStorage,
    physicalMemoryInBytes: random.pick(model.memoryGb) * GIGABYTE,
    hardwareInformation: {
      serialNumber,
      totalStorageSpace: totalStorage,
      freeStorageSpace: freeStorage,
      manufacturer: MANUFACTURERS[model.vendor],
      model: model.model,
      tpmSpecificationVersion: tpm.specification,
      tpmManufacturer: tpm.manufacturer,
      tpmVersion: tpm.version,
      systemManagementBIOSVersion: chassis === "tablet" ? "" : biosVersionFor(random, model, yearOf(todayDay)),
      biosReleaseDate:
        chassis === "tablet" || random.chance(0.1) ? null : biosDateFor(random, model, enrolDay, todayDay),
      batteryHealthPercentage: battery.health,
      batteryChargeCycles: battery.cycles,
      operatingSystemEdition: os.name === "Windows" ? "Enterprise" : "",
      osBuildNumber: os.build,
    },
    version: request.version,
  };
}

function yearsOf(chassis: Chassis): { first: number; last: number } {
  const years = DEVICE_MODELS.filter((model) => model.chassis === chassis).map((model) => model.year);
  return { first: Math.min(...years), last: Math.max(...years) };
}

const CATALOGUE_YEARS: Readonly<Record<Chassis, { first: number; last: number }>> = {
  laptop: yearsOf("laptop"),
  desktop: yearsOf("desktop"),
  tablet: yearsOf("tablet"),
};

/** A model on sale in the enrolment year; older stock (or a re-enrolled old machine) now and then, unless bought new. */
function modelFor(context: FleetContext, chassis: Chassis, enrolYear: number, fresh: boolean): DeviceModel {
  // Before the catalogue starts, the oldest models stand in; after it ends, the newest are still on sale.
  const { first, last } = CATALOGUE_YEARS[chassis];
  const year = Math.min(Math.max(enrolYear, first), last);
  const key = `${chassis}:${year}:${fresh}`;
  let table = context.modelTables.get(key);
  if (!table) {
    const models = DEVICE_MODELS.filter(
      (model) => model.chassis === chassis && model.year <= year && (!fresh || model.year >= year - 2),
    );
    const weights = models.map(
      (model) =>
        context.profile.vendorWeights[model.vendor] *
        (AGE_WEIGHTS[Math.min(year - model.year, AGE_WEIGHTS.length - 1)] ?? 0),
    );
    table = { models, weights };
    context.modelTables.set(key, table);
  }
  return context.random.weighted(table.models, table.weights);
}

/** Most devices synced in the last week; ~8% have not for 30–90 days and ~3% for longer. */
function staleDaysFor(random: Random, ageDays: number): number {
  const draw = random.next();
  const days =
    draw < 0.03
      ? random.int(91, 540)
      : draw < 0.11
        ? random.int(31, 90)
        : draw < 0.14
          ? random.int(8, 30)
          : Math.min(7, Math.floor(-Math.log(1 - random.next()) * 1.2));
  return Math.min(days, ageDays);
}

function tpmFor(
  random: Random,
  chassis: Chassis,
  model: DeviceModel,
  processorName: string,
  fresh: boolean,
): { specification: string; manufacturer: string; version: string } {
  if (chassis === "tablet") return { specification: "", manufacturer: "", version: "" };
  const specification = meetsWindows11ProcessorFloor(processorName)
    ? fresh || random.chance(0.99)
      ? "2.0"
      : "" // switched off in the firmware
    : random.weighted(["2.0", "1.2", ""], model.year <= 2016 ? [45, 45, 10] : [80, 15, 5]);
  if (specification === "") return { specification, manufacturer: "", version: "" };
  if (specification === "1.2") return { specification, ...random.pick(OLD_TPM_CHIPS) };
  if (processorName.startsWith("AMD")) return { specification, manufacturer: "AMD", version: "3.57.0.5" };
  return { specification, ...random.pick(TPM_CHIPS) };
}

type OsFacts = { name: CouncilDevice["operatingSystem"]; version: string; build: string };

function tabletOs(random: Random, model: DeviceModel): OsFacts {
  const versions = model.osVersions ?? [];
  const version = random.weighted(
    versions,
    versions.map((_, rank) => 1 / (rank + 1) ** 2),
  );
  return { name: model.vendor === "Apple" ? "iOS" : "Android", version, build: "" };
}

function windowsOs(
  random: Random,
  model: DeviceModel,
  ageDays: number,
  staleDays: number,
  capable: boolean,
  fresh: boolean,
): OsFacts {
  // Recent purchases arrive on Windows 11; older capable machines are mostly upgraded, some not yet.
  const upgradeChance = ageDays < 365 ? 0.98 : model.year >= 2022 ? 0.95 : model.year >= 2020 ? 0.85 : 0.68;
  const windows11 = capable && (fresh || random.chance(upgradeChance));
  const release = !windows11
    ? WINDOWS_BUILDS.windows10
    : fresh || random.chance(0.7)
      ? WINDOWS_BUILDS.windows11_24H2
      : WINDOWS_BUILDS.windows11_23H2;
  // A device that has not synced has not patched either.
  const monthsBehind = fresh ? 0 : random.weighted([0, 1, 2, 3], [55, 28, 11, 6]) + Math.floor(staleDays / 30);
  const revision = Math.max(1000, release.latestRevision - monthsBehind * release.monthlyStep);
  const build = `${release.build}.${revision}`;
  return { name: "Windows", version: `10.0.${build}`, build };
}

const COMPLIANCE_STATES: readonly ComplianceState[] = ["compliant", "noncompliant", "inGracePeriod", "unknown"];
const STALE_COMPLIANCE = [45, 40, 0, 15];
const OLD_HARDWARE_COMPLIANCE = [75, 22, 2, 1];
const USUAL_COMPLIANCE = [93, 4, 2, 1];

function complianceFor(random: Random, staleDays: number, capable: boolean): ComplianceState {
  if (staleDays > 30) return random.weighted(COMPLIANCE_STATES, STALE_COMPLIANCE);
  return random.weighted(COMPLIANCE_STATES, capable ? USUAL_COMPLIANCE : OLD_HARDWARE_COMPLIANCE);
}

/** Each maker's serial number style. */
function serialFor(context: FleetContext, model: DeviceModel): string {
  const { random } = context;
  for (;;) {
    const serial =
      model.vendor === "Dell"
        ? random.chars(ALPHANUMERIC, 7)
        : model.vendor === "Lenovo"
          ? `${random.pick(["PF", "PC", "R9"])}${random.chars(ALPHANUMERIC, 6)}`
          : model.vendor === "HP"
            ? `5CG${model.year % 10}${String(random.int(1, 52)).padStart(2, "0")}${random.chars(ALPHANUMERIC, 4)}`
            : model.vendor === "Microsoft"
              ? random.chars(DIGITS, 12)
              : model.vendor === "Apple"
                ? random.chars(ALPHANUMERIC, 10)
                : `R5${random.chars(ALPHANUMERIC, 9)}`;
    if (!context.serials.has(serial)) {
      context.serials.add(serial);
      return serial;
    }
  }
}

function biosVersionFor(random: Random, model: DeviceModel, thisYear: number): string {
  // Older models have had more firmware releases.
  const releases = random.int(1, 3 + Math.max(0, thisYear - model.year) * 4);
  switch (model.vendor) {
    case "Lenovo":
      return `${model.biosFamily ?? "N1ET"}${String(20 + releases).padStart(2, "0")}W (1.${String(releases).padStart(2, "0")} )`;
    case "HP":
      return `${model.biosFamily ?? "Q00"} Ver. 01.${String(releases).padStart(2, "0")}.00`;
    case "Microsoft":
      return `${releases + 10}.${random.int(100, 900)}.${random.int(10, 300)}`;
    default:
      return `1.${releases}.0`;
  }
}

function biosDateFor(random: Random, model: DeviceModel, enrolDay: number, todayDay: number): string {
  const earliest = firstDayOfYear(model.year) + 60;
  return dateOf(Math.min(todayDay, Math.max(earliest, enrolDay + random.int(-120, 700))));
}

function batteryFor(
  random: Random,
  chassis: Chassis,
  ageDays: number,
  fresh: boolean,
): { health: number | null; cycles: number | null } {
  if (chassis === "desktop") return { health: null, cycles: null };
  if (fresh) return { health: 100, cycles: random.int(0, 3) };
  const ageYears = ageDays / 365;
  const health = Math.round(Math.min(100, Math.max(38, 100 - ageYears * random.between(3, 8) - random.between(0, 4))));
  return { health, cycles: Math.round(ageDays * random.between(0.15, 0.6)) };
}
