/**
 * How far each directorate has moved onto Teams on a given day, and the
 * holidays when few people work at all. The council's move to Teams is a
 * programme over years and directorates move at their own pace: Resources
 * (where ICT sits) moved before the programme began, a frontline directorate
 * lags and rises slowly, and the rest follow an S-curve whose timing the seed
 * sets. A person has moved once their directorate's level passes a rank fixed
 * for them, so the share of movers follows the curve and nobody moves back.
 * Everything is arithmetic on (seed, directorate, person, day): no state.
 */

import { dayNumber, monthAndDayOf } from "./dates";
import { Random, seedFrom } from "./random";
import type { Council, CouncilUser } from "./types";

/** The Teams programme began three years before the council's default today (2026-11-23). */
export const ADOPTION_PROGRAMME_START = "2023-12-01";

const programmeStartDay = dayNumber(ADOPTION_PROGRAMME_START);
const YEAR_DAYS = 365.25;
/** Preferred by name; councils too small to have them take the second and the last directorate instead. */
const EARLY_DIRECTORATE = "dir-resources";
const LAGGING_DIRECTORATE = "dir-environment";

type Curve = { floor: number; ceiling: number; midYears: number; widthYears: number };

/** Which directorate moved early and which lags, and every other directorate's curve. */
export type AdoptionPlan = {
  earlyDirectorateId: string;
  laggingDirectorateId: string;
  curves: Map<string, Curve>;
};

const plans = new WeakMap<Council, AdoptionPlan>();

export function adoptionPlan(council: Council): AdoptionPlan {
  const known = plans.get(council);
  if (known) return known;
  const ids = council.directorates.map((directorate) => directorate.id);
  const plan: AdoptionPlan = {
    earlyDirectorateId: ids.includes(EARLY_DIRECTORATE) ? EARLY_DIRECTORATE : (ids[1] ?? ids[0] ?? ""),
    laggingDirectorateId: ids.includes(LAGGING_DIRECTORATE) ? LAGGING_DIRECTORATE : (ids.at(-1) ?? ""),
    curves: new Map(),
  };
  plans.set(council, plan);
  return plan;
}

/** The share of a directorate's staff who have moved onto Teams by this day (0 to 1). */
export function teamsAdoptionLevel(council: Council, directorateId: string, day: number): number {
  const years = (day - programmeStartDay) / YEAR_DAYS;
  const plan = adoptionPlan(council);
  // Moved before the programme: high throughout, still creeping up.
  if (directorateId === plan.earlyDirectorateId) return 0.86 + 0.08 * clamp(years / 3, 0, 1);
  // Depots and rounds with no desk: low, about nine points a year once the programme starts.
  if (directorateId === plan.laggingDirectorateId) return 0.08 + 0.09 * clamp(years, 0, 5);
  const curve = curveOf(council, plan, directorateId);
  return curve.floor + (curve.ceiling - curve.floor) / (1 + Math.exp(-(years - curve.midYears) / curve.widthYears));
}

/** Whether this person uses Teams as their way of working on this day, or still lives in email. */
export function hasMovedToTeams(council: Council, user: CouncilUser, day: number): boolean {
  return rankOf(council, user) < teamsAdoptionLevel(council, user.directorateId, day);
}

/**
 * The share of people who work on a day compared with an ordinary one: August
 * is the summer holiday, and between Christmas Eve and New Year's Day most are
 * off, nearly everyone on the bank holidays.
 */
export function holidayFactor(day: number): number {
  const [month, dayOfMonth] = monthAndDayOf(day);
  const bankHoliday = (month === 12 && (dayOfMonth === 25 || dayOfMonth === 26)) || (month === 1 && dayOfMonth === 1);
  if (bankHoliday) return 0.08;
  if (month === 12 && dayOfMonth >= 24) return 0.35;
  if (month === 8) return 0.7;
  return 1;
}

function curveOf(council: Council, plan: AdoptionPlan, directorateId: string): Curve {
  const known = plan.curves.get(directorateId);
  if (known) return known;
  const random = new Random(seedFrom(council.seed, directorateId, "adoption curve"));
  const curve = {
    floor: random.between(0.12, 0.25),
    ceiling: random.between(0.82, 0.94),
    midYears: random.between(0.6, 2.2),
    widthYears: random.between(0.22, 0.42),
  };
  plan.curves.set(directorateId, curve);
  return curve;
}

/** A person's place in the queue to move, 0 to 1, the same on every day. */
function rankOf(council: Council, user: CouncilUser): number {
  return seedFrom(council.seed, user.id, "adoption") / 4294967296;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
