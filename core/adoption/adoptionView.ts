import { sql } from "kysely";
import { csvFile } from "../csvFile";
import { t } from "../messages/catalogue";
import type { Db } from "../store/database";
import type {
  AdoptionFigures,
  AdoptionMeasure,
  AdoptionOverview,
  AdoptionTrend,
  DirectorateRow,
  PeriodKind,
  TargetProgress,
} from "./adoptionApi";
import { adoptionMeasures } from "./adoptionApi";
import { addDays } from "./calendar";
import { championsByDirectorate } from "./champions";
import { figuresOf, measureColumns, measureNames, measureOf, periodEnd, perPersonNames } from "./figures";
import { narrowRowsByStart, periodRows, visibleGroups, withNoOtherFigures } from "./groupRows";
import { targetProgress } from "./targets";

const todayUtc = () => new Date().toISOString().slice(0, 10);

/** The start of the week (Monday) or calendar month that holds `day`. */
export function periodStartOf(period: PeriodKind, day: string): string {
  if (period === "month") return `${day.slice(0, 7)}-01`;
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/**
 * One week's or month's figures for the council, each directorate and each
 * service, with the privacy rule applied, and the directorates' champions and
 * targets beside them. Without `start`, the newest period with figures.
 */
export async function adoptionOverview(
  db: Db,
  options: { period: PeriodKind; start?: string; threshold: number; today?: string },
): Promise<AdoptionOverview> {
  const { period, threshold } = options;
  const today = options.today ?? todayUtc();
  const periods = await db
    .selectFrom("adoption_group_period")
    .select([sql<string>`to_char(start, 'YYYY-MM-DD')`.as("start"), "days_covered"])
    .where("period", "=", period)
    .where("level", "=", "council")
    .orderBy("adoption_group_period.start", "desc")
    .execute();
  const start = options.start ?? periods[0]?.start ?? periodStartOf(period, today);
  const rows = await periodRows(db, period).where("start", "=", start).execute();
  const groups = visibleGroups(rows, threshold);
  const champions = groups.directorates.length > 0 ? await championsByDirectorate(db) : new Map();
  const targets = groups.directorates.length > 0 ? await targetProgress(db, threshold, today) : [];
  const shown = (row: Parameters<typeof figuresOf>[0], hidden: boolean): AdoptionFigures | null =>
    hidden ? null : figuresOf(row, period);
  const directorates: DirectorateRow[] = groups.directorates.map((d) => ({
    directorate: d.row.directorate,
    figures: shown(d.row, d.hidden),
    suppressed: d.hidden,
    services: d.services.map((s) => ({
      service: s.row.service,
      figures: shown(s.row, s.hidden),
      suppressed: s.hidden,
    })),
    champions: champions.get(d.row.directorate) ?? [],
    targets: targets.filter((target: TargetProgress) => target.directorate === d.row.directorate),
  }));
  return {
    period,
    start,
    end: periodEnd(period, start),
    periods: periods.map((p) => ({ start: p.start, end: periodEnd(period, p.start), daysCovered: p.days_covered })),
    threshold,
    concealment: {
      concealed: groups.concealed,
      advice: groups.concealed ? t("adoption.concealment.advice") : null,
    },
    council: groups.council ? shown(groups.council, groups.councilHidden) : null,
    directorates,
    ...(await newestDay(db)),
  };
}

/** The newest day with figures, and when they were worked out: one probe at the end of the day rows' primary key. */
async function newestDay(db: Db): Promise<{ latestDay: string | null; computedAt: string | null }> {
  const row = await db
    .selectFrom("adoption_group_period")
    .select([sql<string>`to_char(start, 'YYYY-MM-DD')`.as("day"), "computed_at"])
    .where("period", "=", "day")
    .orderBy("start", "desc")
    .limit(1)
    .executeTakeFirst();
  return { latestDay: row?.day ?? null, computedAt: row?.computed_at.toISOString() ?? null };
}

/**
 * One measure for the council or a directorate over every week or month kept,
 * oldest first. A period where the directorate was hidden (or names were
 * concealed) has no value: the rule is applied period by period.
 */
export async function adoptionTrend(
  db: Db,
  options: { period: PeriodKind; measure: AdoptionMeasure; directorate: string | null; threshold: number },
): Promise<AdoptionTrend> {
  const { period, measure, directorate, threshold } = options;
  const byPeriod = await narrowRowsByStart(
    db,
    period,
    directorate === null ? ["council"] : ["council", "directorate"],
    measureColumns[measure],
  );
  const points = byPeriod.map(([start, periodRowsOfStart]) => {
    const groups = visibleGroups(periodRowsOfStart, threshold);
    const row =
      directorate === null
        ? groups.councilHidden
          ? undefined
          : groups.council
        : groups.directorates.find((d) => d.row.directorate === directorate && !d.hidden)?.row;
    return {
      start,
      end: periodEnd(period, start),
      daysCovered: groups.council?.days_covered ?? row?.days_covered ?? 0,
      value: row ? measureOf(figuresOf(withNoOtherFigures(row), period), measure) : null,
    };
  });
  return { period, measure, directorate, points };
}

const shareMeasures = adoptionMeasures.filter(
  (m) => !["communication", "meetings", "contentCollaboration", "mobility", "overall"].includes(m),
);
const scoreMeasures = adoptionMeasures.filter((m) => !shareMeasures.includes(m));

const number = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value));

/** The overview as a spreadsheet: a line per group, withheld groups with a note and no figures. */
export function overviewCsv(o: AdoptionOverview): string {
  const percent = (m: AdoptionMeasure) => t("adoption.csv.percent", { measure: t(measureNames[m]) });
  const heading = [
    t("adoption.csv.level"),
    t("adoption.csv.directorate"),
    t("adoption.csv.service"),
    t("adoption.csv.periodStart"),
    t("adoption.csv.periodEnd"),
    t("adoption.csv.staff"),
    t("adoption.csv.daysCovered"),
    t("adoption.csv.daysInPeriod"),
    ...shareMeasures.map(percent),
    ...scoreMeasures.map((m) => t(measureNames[m])),
    ...Object.values(perPersonNames).map((key) => t(key)),
    t("adoption.teamChatShare"),
    t("adoption.teamsShareOfMessages"),
    t("adoption.csv.note"),
  ];
  const line = (level: string, directorate: string, service: string, f: AdoptionFigures | null, note: string) => [
    level,
    directorate,
    service,
    o.start,
    o.end,
    number(f?.staff),
    number(f?.daysCovered),
    number(f?.daysInPeriod),
    ...shareMeasures.map((m) => number(f ? measureOf(f, m) : null)),
    ...scoreMeasures.map((m) => number(f ? measureOf(f, m) : null)),
    ...(Object.keys(perPersonNames) as (keyof AdoptionFigures["perPerson"])[]).map((k) => number(f?.perPerson[k])),
    number(f?.teamChatShare),
    number(f?.teamsShareOfMessages),
    f ? note : [t("adoption.withheld"), note].filter(Boolean).join(" "),
  ];
  return csvFile([
    heading,
    line(t("adoption.level.council"), t("adoption.wholeCouncil"), "", o.council, o.concealment.advice ?? ""),
    ...o.directorates.flatMap((d) => [
      line(t("adoption.level.directorate"), d.directorate, "", d.figures, ""),
      ...d.services.map((s) => line(t("adoption.level.service"), d.directorate, s.service, s.figures, "")),
    ]),
  ]);
}

/** A trend as a spreadsheet: a line per period, empty where the figure was withheld. */
export function trendCsv(trend: AdoptionTrend): string {
  return csvFile([
    [
      t("adoption.csv.group"),
      t("adoption.csv.periodStart"),
      t("adoption.csv.periodEnd"),
      t("adoption.csv.daysCovered"),
      t("adoption.csv.percent", { measure: t(measureNames[trend.measure]) }),
    ],
    ...trend.points.map((p) => [
      trend.directorate ?? t("adoption.wholeCouncil"),
      p.start,
      p.end,
      String(p.daysCovered),
      number(p.value),
    ]),
  ]);
}
