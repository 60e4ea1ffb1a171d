import { pruneUsageReports, saveUsageReportDay, storedReportDays } from "../../core/usage/usageRepository";
import { usageReports } from "../../core/usage/usageSnapshot";
import { fetchUsageReportDay, readsConcealedNames } from "../api/reports";
import type { SyncJob } from "./syncContext";

/** Graph keeps per-day report data for 28 days; data lands about two days late. */
const serviceKeepsDays = 28;
const landsAfterDays = 2;

export const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/**
 * A dated snapshot of each per-user usage report for every day Graph still
 * has and the store has not: the first run back-fills 28 days, later runs fill
 * what they missed. Each day is stored once, in one transaction.
 */
export const reportsSync: SyncJob = {
  name: "reports",
  leaseMs: 30 * 60_000,
  async run(run) {
    const counts = { daysStored: 0, rows: 0, concealedDays: 0, pruned: 0 };
    const today = run.today();
    const oldest = addDays(today, -serviceKeepsDays + 1);
    const newest = addDays(today, -landsAfterDays);
    const settingSaysConcealed = await readsConcealedNames(run.client);
    if (settingSaysConcealed) {
      run.log.warn(
        "usage reports have concealed user names: only council-wide figures can be shown (Microsoft 365 admin centre → Settings → Org settings → Reports)",
      );
    }

    const stored = new Map<string, Set<string>>();
    for (const report of usageReports) stored.set(report, await storedReportDays(run.db, report, oldest));
    // Day by day across reports: each report has its own limit, so they interleave.
    for (let day = oldest; day <= newest; day = addDays(day, 1)) {
      for (const report of usageReports) {
        if (stored.get(report)?.has(day)) continue;
        await run.reportPacer(report).take(1, run.signal);
        const snapshot = await fetchUsageReportDay(run.client, report, day, settingSaysConcealed);
        await run.db.transaction().execute((trx) => saveUsageReportDay(trx, snapshot, new Date()));
        counts.daysStored += 1;
        counts.rows += snapshot.rows.length;
        if (snapshot.concealedNames) counts.concealedDays += 1;
        run.progress("report days", counts.daysStored);
      }
    }
    counts.pruned = await pruneUsageReports(run.db, addDays(today, -run.usageRetentionDays));
    return { counts };
  },
};
