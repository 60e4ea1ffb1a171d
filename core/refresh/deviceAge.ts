import type { ManagedDeviceTable } from "../devices/managedDevice";
import { t } from "../messages/catalogue";
import { longDate } from "../messages/formats";
import { knownModel } from "./modelCatalogue";

/**
 * Where a device's age comes from. Intune has no purchase date; what the synced
 * store holds is the enrolment date and the model. (Intune's device inventory
 * has a BIOS release date, but Graph does not serve it, so it is not used.)
 */
export type AgeEvidence = "enrolment" | "model-release" | "none";

/** A model and the year it came out. */
type Release = { model: string; year: number };

export type AgeEstimate =
  | {
      evidence: "enrolment";
      years: number;
      /** When the device is taken to have been bought. */
      since: Date;
      /** Set when the model came out long before the enrolment: the device may be older. */
      olderModel: Release | null;
    }
  | { evidence: "model-release"; years: number; since: Date; release: Release }
  | { evidence: "none"; years: null; since: null; model: string | null };

export const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/**
 * Councils buy the current or the last year's model. A model that came out more
 * years than this before the enrolment may mean the enrolment was not the
 * purchase (a wipe and re-enrolment, a reissued machine) or old stock: the data
 * cannot tell which, so the enrolment still stands and the reason says so.
 */
const PURCHASE_LAG_YEARS = 2;

/**
 * The best estimate of how old a device is, and what it rests on: the enrolment
 * date (the best proxy Intune has), else the year its model came out.
 */
export function estimateAge(device: Pick<ManagedDeviceTable, "enrolled_at" | "model">, now: Date): AgeEstimate {
  const { enrolled_at: enrolled, model } = device;
  const known = knownModel(model);
  const release = known && model ? { model, year: known.releaseYear } : null;
  if (enrolled) {
    const olderModel = release && enrolled.getUTCFullYear() - release.year > PURCHASE_LAG_YEARS ? release : null;
    return { evidence: "enrolment", years: yearsBetween(enrolled, now), since: enrolled, olderModel };
  }
  if (release) {
    // Only the year is known: its middle is at most six months out.
    const since = new Date(Date.UTC(release.year, 6, 1));
    return { evidence: "model-release", years: yearsBetween(since, now), since, release };
  }
  return { evidence: "none", years: null, since: null, model };
}

/** The estimate as a sentence for a reason, naming its evidence. */
export function describeAge(age: AgeEstimate): string {
  if (age.evidence === "none") {
    return age.model ? t("refresh.age.unknown", { model: age.model }) : t("refresh.age.unknownNoModel");
  }
  const evidence =
    age.evidence === "model-release"
      ? t("refresh.age.modelOnly", age.release)
      : age.olderModel
        ? t("refresh.age.enrolmentOfOldModel", { date: longDate(age.since), ...age.olderModel })
        : t("refresh.age.enrolment", { date: longDate(age.since) });
  return t("refresh.age.sentence", { years: formatAgeYears(age.years), evidence });
}

/** One decimal, rounded down, so a device a day short of four years never reads "4.0". */
export const formatAgeYears = (years: number) => (Math.floor(years * 10) / 10).toFixed(1);

/** A clock running behind an enrolment gives age 0, not a negative one. */
const yearsBetween = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / YEAR_MS);
