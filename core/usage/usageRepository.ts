import { sql } from "kysely";
import type { Db } from "../store/database";
import { inChunks } from "../store/inChunks";
import { reportsKeptRaw, type UsageReportDay, type UsageReportName } from "./usageSnapshot";

const rowKey = (row: Record<string, string>, index: number) =>
  row["Site Id"] || row["User Id"] || row["User Principal Name"] || row["Site URL"] || `row-${index}`;

/**
 * Stores one report for one day, replacing any earlier copy of that day: the
 * same day fetched twice is kept once. Rows are kept only for the reports in
 * `reportsKeptRaw`. Call inside a transaction.
 */
export async function saveUsageReportDay(db: Db, day: UsageReportDay, fetchedAt: Date): Promise<void> {
  await db
    .deleteFrom("usage_report_snapshot")
    .where("report", "=", day.report)
    .where("report_date", "=", day.date)
    .execute();
  await db
    .insertInto("usage_report_snapshot")
    .values({
      report: day.report,
      report_date: day.date,
      refresh_date: day.refreshDate,
      row_count: day.rows.length,
      concealed_names: day.concealedNames,
      fetched_at: fetchedAt,
    })
    .execute();
  if (!reportsKeptRaw.includes(day.report)) return;
  // A key seen twice in one CSV (a split row) is kept once.
  const byKey = new Map<string, Record<string, string>>();
  day.rows.forEach((row, index) => {
    const key = rowKey(row, index);
    if (!byKey.has(key)) byKey.set(key, row);
  });
  const rows = [...byKey].map(([key, row]) => ({ key, row }));
  for (const chunk of inChunks(rows, 500)) {
    await db
      .insertInto("usage_report_row")
      .values(
        chunk.map(({ row, key }) => ({
          report: day.report,
          report_date: day.date,
          row_key: key,
          user_id: row["User Id"] || null,
          user_principal_name: row["User Principal Name"] || null,
          data: JSON.stringify(row),
        })),
      )
      .execute();
  }
}

/** The days of a report already stored since a date (YYYY-MM-DD). */
export async function storedReportDays(db: Db, report: UsageReportName, since: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("usage_report_snapshot")
    .select(sql<string>`to_char(report_date, 'YYYY-MM-DD')`.as("day"))
    .where("report", "=", report)
    .where("report_date", ">=", since)
    .execute();
  return new Set(rows.map((r) => r.day));
}

/** Deletes snapshots older than the retention; returns how many days of reports went. */
export async function pruneUsageReports(db: Db, olderThan: string): Promise<number> {
  const result = await db.deleteFrom("usage_report_snapshot").where("report_date", "<", olderThan).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes the rows kept as sent for days before a date (their day's header stays); returns how many went. */
export async function pruneUsageReportRows(db: Db, olderThan: string): Promise<number> {
  const result = await db.deleteFrom("usage_report_row").where("report_date", "<", olderThan).executeTakeFirst();
  return Number(result.numDeletedRows);
}
