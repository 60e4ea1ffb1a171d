import {
  type AdoptionMeasure,
  type AdoptionScores,
  adoptionMeasures,
  type PeriodKind,
  type TargetProgress,
} from "../../../../../core/adoption/adoptionApi";
import { type MessageKey, t } from "../../../../../core/messages/catalogue";

const oneDecimal = new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 });
const perPerson = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
const month = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const dayMonth = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** The four scores and the overall one, in the order the view explains them. */
export const scores: readonly (keyof AdoptionScores)[] = [
  "communication",
  "meetings",
  "contentCollaboration",
  "mobility",
  "overall",
];

const isScore = (measure: AdoptionMeasure): measure is keyof AdoptionScores =>
  (scores as readonly string[]).includes(measure);

/** The measures that are shares of staff rather than scores, in the API's order. */
export const shareMeasures = adoptionMeasures.filter(
  (m): m is Exclude<AdoptionMeasure, keyof AdoptionScores> => !isScore(m),
);

/** A share of staff (0–100) as "87.5%"; a withheld one as a dash. */
export const formatShare = (value: number | null | undefined) =>
  value === null || value === undefined ? "—" : oneDecimal.format(value / 100);

/** A figure per member of staff, to one decimal. */
export const formatPerPerson = (value: number) => perPerson.format(value);

/** A measure's name as the figures' catalogue words it ("Active in Teams", "Mobility score"). */
export const measureName = (measure: AdoptionMeasure) =>
  t((isScore(measure) ? `adoption.score.${measure}` : `adoption.measure.${measure}`) as MessageKey);

/** Every measure, the scores last, for pickers. */
export const measureOptions = adoptionMeasures.map((measure) => ({ measure, name: measureName(measure) }));

/** A period by its dates: "November 2026", or "Week from 2 Nov 2026". Dates are calendar days, read as UTC. */
export function periodName(period: PeriodKind, start: string): string {
  const first = new Date(`${start}T00:00:00Z`);
  return period === "month" ? month.format(first) : t("tabs.adoption.period.weekOf", { day: dayMonth.format(first) });
}

/** A calendar day (YYYY-MM-DD) as "2 Nov 2026", whatever the viewer's time zone. */
export const formatCalendarDay = (day: string) => dayMonth.format(new Date(`${day}T00:00:00Z`));

export const statusName = (status: TargetProgress["status"]) => t(`tabs.adoption.targets.status.${status}`);
