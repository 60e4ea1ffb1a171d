import { sql } from "kysely";
import type { Db } from "../store/database";
import { addDays } from "./calendar";

/** A span of whole days, both ends included (YYYY-MM-DD). */
export type DayWindow = { from: string; to: string };

/** How far back "not active in Teams" looks, and how long before and after a tip its effect is measured. */
export const tipWindowDays = 28;

/** The UTC day of an instant: the reports' days are UTC days. */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

/** The 28 days before a day, not counting it: "the last 28 days" on the day a tip goes. */
export const windowBefore = (day: string): DayWindow => ({ from: addDays(day, -tipWindowDays), to: addDays(day, -1) });

/** The 28 days from a day on, counting it: the days after a tip that its effect is measured over. */
export const windowFrom = (day: string): DayWindow => ({ from: day, to: addDays(day, tipWindowDays - 1) });

/** How many days of the window any usage report has given people's use for. */
export async function daysWithData(db: Db, window: DayWindow): Promise<number> {
  const row = await db
    .selectFrom("adoption_person_day")
    .select(sql<string>`count(distinct day)`.as("days"))
    .where("day", ">=", window.from)
    .where("day", "<=", window.to)
    .executeTakeFirst();
  return Number(row?.days ?? 0);
}

/** The newest day with anyone's use in it; null before the first report. */
export async function newestDayWithData(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom("adoption_person_day")
    .select(sql<string | null>`to_char(max(day), 'YYYY-MM-DD')`.as("newest"))
    .executeTakeFirst();
  return row?.newest ?? null;
}

/**
 * Whether any day of the window came with user names concealed: then the
 * reports' rows were not joined to anyone, so whoever is missing from them
 * cannot be told apart from whoever was hidden.
 */
export async function namesConcealed(db: Db, window: DayWindow): Promise<boolean> {
  const concealed = await db
    .selectFrom("usage_report_snapshot")
    .select("report")
    .where("concealed_names", "=", true)
    .where("report_date", ">=", window.from)
    .where("report_date", "<=", window.to)
    .limit(1)
    .executeTakeFirst();
  return concealed !== undefined;
}

/** How many of a campaign's recipients were active in Teams on any day of the window. */
export async function recipientsActive(db: Db, campaignId: number, window: DayWindow): Promise<number> {
  const row = await db
    .selectFrom("adoption_tip_recipient as r")
    .select((eb) => eb.fn.countAll<string>().as("active"))
    .where("r.campaign_id", "=", campaignId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("adoption_person_day as p")
          .select("p.day")
          .whereRef("p.user_id", "=", "r.user_id")
          .where("p.teams_active", "=", true)
          .where("p.day", ">=", window.from)
          .where("p.day", "<=", window.to),
      ),
    )
    .executeTakeFirst();
  return Number(row?.active ?? 0);
}

/**
 * Recipients active in Teams over the window, or null when it cannot be told:
 * no report covers any of its days, or names were concealed on one.
 */
export async function measuredActive(db: Db, campaignId: number, window: DayWindow): Promise<number | null> {
  if ((await daysWithData(db, window)) === 0 || (await namesConcealed(db, window))) return null;
  return recipientsActive(db, campaignId, window);
}
