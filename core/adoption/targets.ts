import { sql } from "kysely";
import { z } from "zod";
import { AppError } from "../errors";
import { t } from "../messages/catalogue";
import type { Db } from "../store/database";
import { type AdoptionMeasure, adoptionMeasures, type TargetProgress } from "./adoptionApi";
import { addDays } from "./calendar";
import { isKnownDirectorate } from "./champions";
import { daysInPeriod, figuresOf, measureOf } from "./figures";
import { byStart, type PeriodRow, periodRows, visibleGroups } from "./groupRows";

/** What ICT sets: e.g. 90% of a directorate active in Teams by a date. */
export const targetInput = z.object({
  directorate: z
    .string({ error: t("adoption.target.error.directorate") })
    .trim()
    .min(1, { error: t("adoption.target.error.directorate") })
    .max(200, { error: t("adoption.target.error.directorate") }),
  measure: z.enum(adoptionMeasures, { error: t("adoption.target.error.measure") }),
  targetPercent: z
    .number({ error: t("adoption.target.error.percent") })
    .min(1, { error: t("adoption.target.error.percent") })
    .max(100, { error: t("adoption.target.error.percent") }),
  due: z.iso.date({ error: t("adoption.target.error.due") }),
});
export type TargetInput = z.infer<typeof targetInput>;

/** Weeks the projection is drawn through, and the fewest it needs. */
const trendWeeks = 12;
const fewestWeeks = 4;

const today = () => new Date().toISOString().slice(0, 10);
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * Sets the directorate's target for a measure, replacing any it had.
 * @returns the target's id.
 * @throws AppError invalid_input, with the catalogue's words for what is wrong.
 */
export async function setTarget(db: Db, input: TargetInput, by: string, on: string = today()): Promise<number> {
  const parsed = targetInput.safeParse(input);
  if (!parsed.success) {
    throw new AppError("invalid_input", [...new Set(parsed.error.issues.map((i) => i.message))].join(" "));
  }
  const target = parsed.data;
  if (target.due < on) throw new AppError("invalid_input", t("adoption.target.error.duePast"));
  if (!(await isKnownDirectorate(db, target.directorate))) {
    throw new AppError("invalid_input", t("adoption.target.error.directorate"));
  }
  const row = await db
    .insertInto("adoption_target")
    .values({
      directorate: target.directorate,
      measure: target.measure,
      target_percent: target.targetPercent,
      due: target.due,
      set_by: by,
    })
    .onConflict((oc) =>
      oc.columns(["directorate", "measure"]).doUpdateSet({
        target_percent: target.targetPercent,
        due: target.due,
        set_by: by,
        set_at: sql`now()`,
      }),
    )
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** @throws AppError not_found. */
export async function removeTarget(db: Db, id: number): Promise<void> {
  const result = await db.deleteFrom("adoption_target").where("id", "=", id).executeTakeFirst();
  if (result.numDeletedRows === 0n) throw new AppError("not_found", t("adoption.target.error.notFound"));
}

/**
 * Every target with where its directorate stands: the latest complete month's
 * value, and where a straight line through the last 12 complete weeks reaches
 * by the due date. A directorate hidden by the privacy rule has no value.
 */
export async function targetProgress(db: Db, threshold: number, on: string = today()): Promise<TargetProgress[]> {
  const targets = await db
    .selectFrom("adoption_target")
    .select([
      "id",
      "directorate",
      "measure",
      "target_percent",
      sql<string>`to_char(due, 'YYYY-MM-DD')`.as("due"),
      "set_by",
      "set_at",
    ])
    .orderBy("directorate")
    .orderBy("measure")
    .execute();
  if (targets.length === 0) return [];
  const month = await latestCompleteMonth(db, threshold);
  const weeks = await recentCompleteWeeks(db, threshold);
  return targets.map((target) => {
    const measure = target.measure as AdoptionMeasure;
    const current = month.get(target.directorate)?.(measure) ?? null;
    const points = weeks.flatMap(({ x, values }) => {
      const value = values.get(target.directorate)?.(measure);
      return value === undefined ? [] : [{ x, y: value }];
    });
    const projected = projection(points, dayNumber(target.due));
    const gap = current === null ? null : oneDecimal(Math.max(0, target.target_percent - current));
    return {
      id: target.id,
      directorate: target.directorate,
      measure,
      targetPercent: target.target_percent,
      due: target.due,
      current,
      gap,
      projected,
      status: statusOf(target.target_percent, current, projected, target.due < on),
      setBy: target.set_by,
      setAt: target.set_at.toISOString(),
    };
  });
}

function statusOf(
  target: number,
  current: number | null,
  projected: number | null,
  overdue: boolean,
): TargetProgress["status"] {
  if (current === null) return "unknown";
  if (current >= target) return "met";
  if (overdue) return "behind";
  if (projected === null) return "unknown";
  return projected >= target ? "on-track" : "behind";
}

/** Targets behind first, biggest gap first within each status; then on track, unknown and met. */
export function furthestBehind(progress: readonly TargetProgress[]): TargetProgress[] {
  const rank = { behind: 0, "on-track": 1, unknown: 2, met: 3 } as const;
  return [...progress].sort(
    (a, b) =>
      rank[a.status] - rank[b.status] ||
      (b.gap ?? -1) - (a.gap ?? -1) ||
      a.directorate.localeCompare(b.directorate, "en-GB"),
  );
}

/** A shown directorate's value of any measure in one period. */
type MeasureLookup = Map<string, (measure: AdoptionMeasure) => number>;

function shownValues(rows: readonly PeriodRow[], threshold: number, period: "week" | "month"): MeasureLookup {
  const lookup: MeasureLookup = new Map();
  for (const d of visibleGroups(rows, threshold).directorates) {
    if (d.hidden) continue;
    const figures = figuresOf(d.row, period);
    lookup.set(d.row.directorate, (measure) => measureOf(figures, measure));
  }
  return lookup;
}

const isComplete = (period: "week" | "month", row: { start: string; days_covered: number }) =>
  row.days_covered >= daysInPeriod(period, row.start);

async function latestCompleteMonth(db: Db, threshold: number): Promise<MeasureLookup> {
  // The newest month may still be under way; the one before it is complete unless days are missing.
  const councils = await periodRows(db, "month")
    .where("level", "=", "council")
    .orderBy("adoption_group_period.start", "desc")
    .limit(3)
    .execute();
  const complete = councils.find((row) => isComplete("month", row));
  if (!complete) return new Map();
  const rows = await periodRows(db, "month")
    .where("start", "=", complete.start)
    .where("level", "in", ["council", "directorate"])
    .execute();
  return shownValues(rows, threshold, "month");
}

async function recentCompleteWeeks(db: Db, threshold: number): Promise<{ x: number; values: MeasureLookup }[]> {
  const councils = await periodRows(db, "week")
    .where("level", "=", "council")
    .orderBy("adoption_group_period.start", "desc")
    .limit(trendWeeks + 1)
    .execute();
  const starts = councils
    .filter((row) => isComplete("week", row))
    .slice(0, trendWeeks)
    .map((row) => row.start);
  if (starts.length < fewestWeeks) return [];
  const rows = await periodRows(db, "week")
    .where("start", "in", starts)
    .where("level", "in", ["council", "directorate"])
    .execute();
  // Each week's value stands at its middle day.
  return byStart(rows).map(([start, weekRows]) => ({
    x: dayNumber(addDays(start, 3)),
    values: shownValues(weekRows, threshold, "week"),
  }));
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** The least-squares line through the points, read at `x`, kept within 0–100; null with too few points. */
function projection(points: readonly { x: number; y: number }[], x: number): number | null {
  if (points.length < fewestWeeks) return null;
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - meanX) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - meanX) * (p.y - meanY), 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return oneDecimal(Math.min(100, Math.max(0, meanY + slope * (x - meanX))));
}
