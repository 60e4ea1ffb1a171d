/**
 * What ICT Hub knows about the device models councils buy, because Intune does
 * not say it: the year each model came out, and for Windows PCs whether every
 * processor it shipped with meets Windows 11's floor (Intel 8th generation or
 * AMD Ryzen 2000 and later). Intune's device list names the model but not the
 * processor, so for a Windows PC this is the only processor evidence there is.
 * A model missing here is not guessed at: its age comes from its enrolment and
 * its Windows 11 readiness is left unknown.
 */
export type KnownModel = {
  releaseYear: number;
  /** Windows PCs only: true when all its processors meet Windows 11's floor, false when none does. */
  meetsWindows11ProcessorFloor?: boolean;
};

/** Windows PCs with Intel 6th or 7th generation processors. */
const BELOW_WINDOWS_11_FLOOR: Readonly<Record<string, number>> = {
  "Latitude E5470": 2016,
  "Latitude 5480": 2017,
  "Latitude 5580": 2017,
  "ThinkPad T460": 2016,
  "ThinkPad T470": 2017,
  "EliteBook 840 G3": 2016,
  "EliteBook 840 G4": 2017,
  "Surface Pro 5": 2017,
  "OptiPlex 7050": 2017,
  "EliteDesk 800 G3": 2017,
};

/** Windows PCs with Intel 8th generation, AMD Ryzen 3000 or later processors. */
const MEETS_WINDOWS_11_FLOOR: Readonly<Record<string, number>> = {
  "Latitude 5490": 2018,
  "Latitude 7490": 2018,
  "Latitude 5400": 2019,
  "Latitude 5410": 2020,
  "Latitude 5420": 2021,
  "Latitude 7420": 2021,
  "Latitude 5430": 2022,
  "Latitude 5440": 2023,
  "Latitude 5450": 2024,
  "ThinkPad T480": 2018,
  "ThinkPad X1 Carbon Gen 6": 2018,
  "ThinkPad T490": 2019,
  "ThinkPad T14 Gen 1": 2020,
  "ThinkPad T14 Gen 2": 2021,
  "ThinkPad X1 Carbon Gen 9": 2021,
  "ThinkPad T14 Gen 3": 2022,
  "ThinkPad T14 Gen 4": 2023,
  "ThinkPad X1 Carbon Gen 11": 2023,
  "ThinkPad T14 Gen 5": 2024,
  "EliteBook 840 G5": 2018,
  "ProBook 450 G5": 2018,
  "EliteBook 840 G6": 2019,
  "EliteBook 840 G7": 2020,
  "ProBook 450 G7": 2020,
  "EliteBook 840 G8": 2021,
  "EliteBook 840 G9": 2022,
  "ProBook 450 G9": 2022,
  "EliteBook 840 G10": 2023,
  "ProBook 450 G10": 2023,
  "Surface Pro 6": 2018,
  "Surface Pro 7": 2019,
  "Surface Laptop 3": 2019,
  "Surface Pro 8": 2021,
  "Surface Laptop 4": 2021,
  "Surface Pro 9": 2022,
  "Surface Laptop 5": 2022,
  "Surface Pro 10": 2024,
  "Surface Laptop 6": 2024,
  "OptiPlex 7060": 2018,
  "OptiPlex 7070": 2019,
  "OptiPlex 7080": 2020,
  "OptiPlex 7090": 2021,
  "OptiPlex 7000": 2022,
  "OptiPlex 7010": 2023,
  "EliteDesk 800 G4": 2018,
  "EliteDesk 800 G5": 2019,
  "EliteDesk 800 G6": 2020,
  "EliteDesk 800 G8": 2021,
  "EliteDesk 800 G9": 2022,
  "ThinkCentre M720q": 2018,
  "ThinkCentre M70q Gen 3": 2022,
};

/** Tablets: Windows 11 does not apply. */
const TABLETS: Readonly<Record<string, number>> = {
  "iPad (7th generation)": 2019,
  "iPad (8th generation)": 2020,
  "iPad (9th generation)": 2021,
  "iPad (10th generation)": 2022,
  "iPad (A16)": 2025,
  "Galaxy Tab Active Pro": 2019,
  "Galaxy Tab Active3": 2020,
  "Galaxy Tab Active4 Pro": 2022,
  "Galaxy Tab Active5": 2024,
};

const key = (model: string) => model.trim().toLowerCase();

const catalogue = new Map<string, KnownModel>([
  ...Object.entries(BELOW_WINDOWS_11_FLOOR).map(
    ([model, releaseYear]) => [key(model), { releaseYear, meetsWindows11ProcessorFloor: false }] as const,
  ),
  ...Object.entries(MEETS_WINDOWS_11_FLOOR).map(
    ([model, releaseYear]) => [key(model), { releaseYear, meetsWindows11ProcessorFloor: true }] as const,
  ),
  ...Object.entries(TABLETS).map(([model, releaseYear]) => [key(model), { releaseYear }] as const),
]);

/** The model as Intune names it, matched without regard to case or surrounding spaces. */
export function knownModel(model: string | null): KnownModel | undefined {
  return model ? catalogue.get(key(model)) : undefined;
}
