/**
 * The devices a council buys: real models with their release years and the
 * processors they shipped with, so that Windows 11 readiness follows from the
 * hardware as it does in a real estate.
 */

export type Chassis = "laptop" | "desktop" | "tablet";
export type Vendor = "Dell" | "Lenovo" | "HP" | "Microsoft" | "Apple" | "Samsung";

export type DeviceModel = {
  chassis: Chassis;
  vendor: Vendor;
  model: string;
  /** Release year. */
  year: number;
  processors: readonly string[];
  /** Repeats make a size commoner. */
  memoryGb: readonly number[];
  storageGb: readonly number[];
  /** Lenovo's and HP's BIOS family code, e.g. "N2IET" or "R70". */
  biosFamily?: string;
  /** Tablets' OS versions, the commonest first. */
  osVersions?: readonly string[];
};

/** The manufacturer string Intune reports for each vendor. */
export const MANUFACTURERS: Readonly<Record<Vendor, string>> = {
  Dell: "Dell Inc.",
  Lenovo: "LENOVO",
  HP: "HP",
  Microsoft: "Microsoft Corporation",
  Apple: "Apple",
  Samsung: "samsung",
};

const CPU = {
  i5_6300U: "Intel(R) Core(TM) i5-6300U CPU @ 2.40GHz",
  i5_7200U: "Intel(R) Core(TM) i5-7200U CPU @ 2.50GHz",
  i5_7300U: "Intel(R) Core(TM) i5-7300U CPU @ 2.60GHz",
  i5_7500: "Intel(R) Core(TM) i5-7500 CPU @ 3.40GHz",
  i5_8250U: "Intel(R) Core(TM) i5-8250U CPU @ 1.60GHz",
  i5_8350U: "Intel(R) Core(TM) i5-8350U CPU @ 1.70GHz",
  i5_8265U: "Intel(R) Core(TM) i5-8265U CPU @ 1.60GHz",
  i5_8365U: "Intel(R) Core(TM) i5-8365U CPU @ 1.60GHz",
  i5_8500: "Intel(R) Core(TM) i5-8500 CPU @ 3.00GHz",
  i5_8500T: "Intel(R) Core(TM) i5-8500T CPU @ 2.10GHz",
  i5_9500: "Intel(R) Core(TM) i5-9500 CPU @ 3.00GHz",
  i5_1035G4: "Intel(R) Core(TM) i5-1035G4 CPU @ 1.10GHz",
  i5_1035G7: "Intel(R) Core(TM) i5-1035G7 CPU @ 1.20GHz",
  i5_10210U: "Intel(R) Core(TM) i5-10210U CPU @ 1.60GHz",
  i5_10310U: "Intel(R) Core(TM) i5-10310U CPU @ 1.70GHz",
  i5_10500: "Intel(R) Core(TM) i5-10500 CPU @ 3.10GHz",
  i5_10505: "Intel(R) Core(TM) i5-10505 CPU @ 3.20GHz",
  i5_1135G7: "11th Gen Intel(R) Core(TM) i5-1135G7 @ 2.40GHz",
  i5_1145G7: "11th Gen Intel(R) Core(TM) i5-1145G7 @ 2.60GHz",
  i7_1185G7: "11th Gen Intel(R) Core(TM) i7-1185G7 @ 3.00GHz",
  i5_11500: "11th Gen Intel(R) Core(TM) i5-11500 @ 2.70GHz",
  i5_1235U: "12th Gen Intel(R) Core(TM) i5-1235U",
  i5_1245U: "12th Gen Intel(R) Core(TM) i5-1245U",
  i5_12500: "12th Gen Intel(R) Core(TM) i5-12500",
  i5_12500T: "12th Gen Intel(R) Core(TM) i5-12500T",
  i5_1335U: "13th Gen Intel(R) Core(TM) i5-1335U",
  i5_1345U: "13th Gen Intel(R) Core(TM) i5-1345U",
  i5_13500: "13th Gen Intel(R) Core(TM) i5-13500",
  ultra5_125U: "Intel(R) Core(TM) Ultra 5 125U",
  ultra5_135U: "Intel(R) Core(TM) Ultra 5 135U",
  ultra5_135H: "Intel(R) Core(TM) Ultra 5 135H",
  ryzen5_3580U: "AMD Ryzen 5 3580U Microsoft Surface Edition",
  ryzen5_4680U: "AMD Ryzen 5 4680U with Radeon Graphics",
  ryzen5_4650U: "AMD Ryzen 5 PRO 4650U with Radeon Graphics",
  ryzen5_6650U: "AMD Ryzen 5 PRO 6650U with Radeon Graphics",
} as const;

const laptop = (
  vendor: Vendor,
  model: string,
  year: number,
  processors: string[],
  biosFamily?: string,
): DeviceModel => ({
  chassis: "laptop",
  vendor,
  model,
  year,
  processors,
  memoryGb: year < 2019 ? [8, 8, 8, 4] : year < 2022 ? [8, 16] : [16, 16, 8, 32],
  storageGb: year < 2019 ? [128, 256, 256] : year < 2022 ? [256, 256, 512] : [256, 512, 512],
  ...(biosFamily ? { biosFamily } : {}),
});

const desktop = (
  vendor: Vendor,
  model: string,
  year: number,
  processors: string[],
  biosFamily?: string,
): DeviceModel => ({
  ...laptop(vendor, model, year, processors, biosFamily),
  chassis: "desktop",
});

const tablet = (
  vendor: Vendor,
  model: string,
  year: number,
  processor: string,
  memoryGb: number[],
  storageGb: number[],
  osVersions: string[],
): DeviceModel => ({
  chassis: "tablet",
  vendor,
  model,
  year,
  processors: [processor],
  memoryGb,
  storageGb,
  osVersions,
});

const IPADOS_CURRENT = ["26.1", "26.0.1", "18.7.2"];

export const DEVICE_MODELS: readonly DeviceModel[] = [
  laptop("Dell", "Latitude E5470", 2016, [CPU.i5_6300U]),
  laptop("Dell", "Latitude 5480", 2017, [CPU.i5_7300U, CPU.i5_7200U]),
  laptop("Dell", "Latitude 5580", 2017, [CPU.i5_7200U, CPU.i5_7300U]),
  laptop("Dell", "Latitude 5490", 2018, [CPU.i5_8250U, CPU.i5_8350U]),
  laptop("Dell", "Latitude 7490", 2018, [CPU.i5_8350U]),
  laptop("Dell", "Latitude 5400", 2019, [CPU.i5_8365U, CPU.i5_8265U]),
  laptop("Dell", "Latitude 5410", 2020, [CPU.i5_10310U, CPU.i5_10210U]),
  laptop("Dell", "Latitude 5420", 2021, [CPU.i5_1145G7, CPU.i5_1135G7]),
  laptop("Dell", "Latitude 7420", 2021, [CPU.i5_1145G7, CPU.i7_1185G7]),
  laptop("Dell", "Latitude 5430", 2022, [CPU.i5_1245U, CPU.i5_1235U]),
  laptop("Dell", "Latitude 5440", 2023, [CPU.i5_1345U, CPU.i5_1335U]),
  laptop("Dell", "Latitude 5450", 2024, [CPU.ultra5_135U, CPU.ultra5_125U]),
  laptop("Lenovo", "ThinkPad T460", 2016, [CPU.i5_6300U], "N1CET"),
  laptop("Lenovo", "ThinkPad T470", 2017, [CPU.i5_7200U, CPU.i5_7300U], "N1QET"),
  laptop("Lenovo", "ThinkPad T480", 2018, [CPU.i5_8250U, CPU.i5_8350U], "N24ET"),
  laptop("Lenovo", "ThinkPad X1 Carbon Gen 6", 2018, [CPU.i5_8350U], "N23ET"),
  laptop("Lenovo", "ThinkPad T490", 2019, [CPU.i5_8265U, CPU.i5_8365U], "N2IET"),
  laptop("Lenovo", "ThinkPad T14 Gen 1", 2020, [CPU.i5_10310U, CPU.ryzen5_4650U], "N2XET"),
  laptop("Lenovo", "ThinkPad T14 Gen 2", 2021, [CPU.i5_1145G7, CPU.i5_1135G7], "N34ET"),
  laptop("Lenovo", "ThinkPad X1 Carbon Gen 9", 2021, [CPU.i5_1145G7, CPU.i7_1185G7], "N32ET"),
  laptop("Lenovo", "ThinkPad T14 Gen 3", 2022, [CPU.i5_1245U, CPU.ryzen5_6650U], "N3MET"),
  laptop("Lenovo", "ThinkPad T14 Gen 4", 2023, [CPU.i5_1345U, CPU.i5_1335U], "N3XET"),
  laptop("Lenovo", "ThinkPad X1 Carbon Gen 11", 2023, [CPU.i5_1345U], "N3AET"),
  laptop("Lenovo", "ThinkPad T14 Gen 5", 2024, [CPU.ultra5_125U, CPU.ultra5_135U], "N47ET"),
  laptop("HP", "EliteBook 840 G3", 2016, [CPU.i5_6300U], "N75"),
  laptop("HP", "EliteBook 840 G4", 2017, [CPU.i5_7200U, CPU.i5_7300U], "P78"),
  laptop("HP", "EliteBook 840 G5", 2018, [CPU.i5_8250U, CPU.i5_8350U], "Q78"),
  laptop("HP", "ProBook 450 G5", 2018, [CPU.i5_8250U], "Q85"),
  laptop("HP", "EliteBook 840 G6", 2019, [CPU.i5_8265U, CPU.i5_8365U], "R70"),
  laptop("HP", "EliteBook 840 G7", 2020, [CPU.i5_10310U, CPU.i5_10210U], "S70"),
  laptop("HP", "ProBook 450 G7", 2020, [CPU.i5_10210U], "S71"),
  laptop("HP", "EliteBook 840 G8", 2021, [CPU.i5_1145G7, CPU.i5_1135G7], "T76"),
  laptop("HP", "EliteBook 840 G9", 2022, [CPU.i5_1245U, CPU.i5_1235U], "U70"),
  laptop("HP", "ProBook 450 G9", 2022, [CPU.i5_1235U], "U71"),
  laptop("HP", "EliteBook 840 G10", 2023, [CPU.i5_1345U, CPU.i5_1335U], "V70"),
  laptop("HP", "ProBook 450 G10", 2023, [CPU.i5_1335U], "V71"),
  laptop("Microsoft", "Surface Pro 5", 2017, [CPU.i5_7300U]),
  laptop("Microsoft", "Surface Pro 6", 2018, [CPU.i5_8250U, CPU.i5_8350U]),
  laptop("Microsoft", "Surface Pro 7", 2019, [CPU.i5_1035G4]),
  laptop("Microsoft", "Surface Laptop 3", 2019, [CPU.i5_1035G7, CPU.ryzen5_3580U]),
  laptop("Microsoft", "Surface Pro 8", 2021, [CPU.i5_1145G7, CPU.i5_1135G7]),
  laptop("Microsoft", "Surface Laptop 4", 2021, [CPU.i5_1145G7, CPU.ryzen5_4680U]),
  laptop("Microsoft", "Surface Pro 9", 2022, [CPU.i5_1245U]),
  laptop("Microsoft", "Surface Laptop 5", 2022, [CPU.i5_1245U]),
  laptop("Microsoft", "Surface Pro 10", 2024, [CPU.ultra5_135U]),
  laptop("Microsoft", "Surface Laptop 6", 2024, [CPU.ultra5_135H]),
  desktop("Dell", "OptiPlex 7050", 2017, [CPU.i5_7500]),
  desktop("Dell", "OptiPlex 7060", 2018, [CPU.i5_8500]),
  desktop("Dell", "OptiPlex 7070", 2019, [CPU.i5_9500]),
  desktop("Dell", "OptiPlex 7080", 2020, [CPU.i5_10500]),
  desktop("Dell", "OptiPlex 7090", 2021, [CPU.i5_10505, CPU.i5_11500]),
  desktop("Dell", "OptiPlex 7000", 2022, [CPU.i5_12500]),
  desktop("Dell", "OptiPlex 7010", 2023, [CPU.i5_13500]),
  desktop("HP", "EliteDesk 800 G3", 2017, [CPU.i5_7500], "P01"),
  desktop("HP", "EliteDesk 800 G4", 2018, [CPU.i5_8500], "Q01"),
  desktop("HP", "EliteDesk 800 G5", 2019, [CPU.i5_9500], "R01"),
  desktop("HP", "EliteDesk 800 G6", 2020, [CPU.i5_10500], "S01"),
  desktop("HP", "EliteDesk 800 G8", 2021, [CPU.i5_11500], "T11"),
  desktop("HP", "EliteDesk 800 G9", 2022, [CPU.i5_12500], "U01"),
  desktop("Lenovo", "ThinkCentre M720q", 2018, [CPU.i5_8500T], "M1UKT"),
  desktop("Lenovo", "ThinkCentre M70q Gen 3", 2022, [CPU.i5_12500T], "M3AKT"),
  tablet("Apple", "iPad (7th generation)", 2019, "Apple A10 Fusion", [3], [32, 128], ["18.7.2", "18.6.2", "17.7.2"]),
  tablet("Apple", "iPad (8th generation)", 2020, "Apple A12 Bionic", [3], [32, 128], IPADOS_CURRENT),
  tablet("Apple", "iPad (9th generation)", 2021, "Apple A13 Bionic", [3], [64, 256], IPADOS_CURRENT),
  tablet("Apple", "iPad (10th generation)", 2022, "Apple A14 Bionic", [4], [64, 256], IPADOS_CURRENT),
  tablet("Apple", "iPad (A16)", 2025, "Apple A16 Bionic", [6], [128, 256], ["26.1", "26.0.1"]),
  tablet("Samsung", "Galaxy Tab Active Pro", 2019, "Qualcomm Snapdragon 670", [4], [64], ["12", "11"]),
  tablet("Samsung", "Galaxy Tab Active3", 2020, "Samsung Exynos 9810", [4], [64, 128], ["13", "12", "11"]),
  tablet("Samsung", "Galaxy Tab Active4 Pro", 2022, "Qualcomm Snapdragon 778G", [6, 4], [128, 64], ["15", "14", "13"]),
  tablet("Samsung", "Galaxy Tab Active5", 2024, "Samsung Exynos 1380", [6, 8], [128], ["16", "15", "14"]),
];

/**
 * Windows 11's processor floor: Intel 8th generation or AMD Ryzen 2000 or later.
 * Arm tablets' processors never qualify because they do not run Windows.
 */
export function meetsWindows11ProcessorFloor(processorName: string): boolean {
  if (/Core\(TM\) Ultra/.test(processorName)) return true;
  const intel = /Core\(TM\) i\d-(\d{4,5})/.exec(processorName);
  if (intel?.[1]) {
    const digits = intel[1];
    const generation = digits.length === 5 || digits.startsWith("1") ? Number(digits.slice(0, 2)) : Number(digits[0]);
    return generation >= 8;
  }
  const ryzen = /Ryzen \d (?:PRO )?(\d)\d{3}/.exec(processorName);
  return ryzen?.[1] !== undefined && Number(ryzen[1]) >= 2;
}

/** Windows builds in service at the council's "today", with the latest cumulative update's revision. */
export const WINDOWS_BUILDS = {
  windows10: { build: "19045", latestRevision: 6456, monthlyStep: 110 },
  windows11_23H2: { build: "22631", latestRevision: 6199, monthlyStep: 95 },
  windows11_24H2: { build: "26100", latestRevision: 7171, monthlyStep: 230 },
} as const;
