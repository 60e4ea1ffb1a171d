import { sql } from "kysely";
import type { Db } from "../store/database";
import { addDays } from "./calendar";

/**
 * Days of per-person use kept. A day filled late (Graph keeps 28) recomputes
 * its whole month, which can start 30 days before it: 58 days back. Tips
 * compare the 28 days before a campaign with the 28 after. 70 covers both
 * with room for a few missed runs; older figures live on only as group totals.
 */
export const personDaysKept = 70;

/** The first day whose per-person use (and raw report rows) is still kept. */
export const personDaysSince = (today: string) => addDays(today, -personDaysKept);

/**
 * Drops person days older than `personDaysKept`, and group figures for periods
 * that ended before the retention (USAGE_RETENTION_DAYS): a month is kept
 * while any of its days is inside it.
 */
export async function pruneAdoption(
  db: Db,
  today: string,
  retentionDays: number,
): Promise<{ personDays: number; groupPeriods: number }> {
  const personDays = await db
    .deleteFrom("adoption_person_day")
    .where("day", "<", personDaysSince(today))
    .executeTakeFirst();
  const cutoff = addDays(today, -retentionDays);
  const groupPeriods = await db
    .deleteFrom("adoption_group_period")
    .where(
      sql<string>`case period
        when 'day' then start
        when 'week' then start + 6
        else (start + interval '1 month' - interval '1 day')::date end`,
      "<",
      cutoff,
    )
    .executeTakeFirst();
  return { personDays: Number(personDays.numDeletedRows), groupPeriods: Number(groupPeriods.numDeletedRows) };
}
