import { setTimeout as sleep } from "node:timers/promises";
import { addDays } from "../../core/adoption/calendar";
import { recordAdoptionReport, unrecordedReportDays } from "../../core/adoption/personDays";
import { personDaysSince, pruneAdoption } from "../../core/adoption/retention";
import { daysToRollUp, rollUpAdoption } from "../../core/adoption/rollup";
import { hasSucceeded } from "../../core/sync/syncStateRepository";
import {
  pruneUsageReportRows,
  pruneUsageReports,
  saveUsageReportDay,
  storedReportDays,
} from "../../core/usage/usageRepository";
import { usageReports } from "../../core/usage/usageSnapshot";
import { fetchUsageReportDay, readsConcealedNames } from "../api/reports";
import type { SyncJob, SyncRun } from "./syncContext";

/** Graph keeps per-day report data for 28 days; data lands about two days late. */
const serviceKeepsDays = 28;
const landsAfterDays = 2;

/**
 * Rows are joined to people when they are recorded, so a first run must not
 * record before the directory is there (at first start every sync begins at
 * once): it waits for the users sync, then gives up with the reason.
 */
const directoryWaitMs = 15 * 60_000;
const directoryPollMs = 2_000;

async function awaitDirectory(run: SyncRun) {
  const deadline = Date.now() + directoryWaitMs;
  let told = false;
  while (!(await hasSucceeded(run.db, "users"))) {
    if (Date.now() > deadline) {
      throw new Error("usage reports need the directory first: the users sync has not succeeded on this store yet");
    }
    if (!told) run.log.info("usage reports wait for the first directory sync, so that rows join to directorates");
    told = true;
    await sleep(directoryPollMs, undefined, { signal: run.signal });
  }
}

const concealedAdvice =
  "usage reports have concealed user names: only council-wide figures can be shown (Microsoft 365 admin centre → Settings → Org settings → Reports)";

/**
 * A dated snapshot of each per-user usage report for every day Graph still
 * has and the store has not: the first run back-fills 28 days, later runs fill
 * what they missed. Each day is stored once, in one transaction with its
 * adoption person days; once a day's reports are in, its day, week and month
 * figures are rolled up again.
 */
export const reportsSync: SyncJob = {
  name: "reports",
  leaseMs: 30 * 60_000,
  async run(run) {
    const counts = {
      daysStored: 0,
      rows: 0,
      concealedDays: 0,
      joined: 0,
      unmatched: 0,
      daysRolledUp: 0,
      pruned: 0,
      rawRowsPruned: 0,
      personDaysPruned: 0,
      periodsPruned: 0,
    };
    await awaitDirectory(run);
    const today = run.today();
    const oldest = addDays(today, -serviceKeepsDays + 1);
    const newest = addDays(today, -landsAfterDays);
    const settingSaysConcealed = await readsConcealedNames(run.client);
    if (settingSaysConcealed) run.log.warn(concealedAdvice);
    let toldConcealed = settingSaysConcealed;

    const stored = new Map<string, Set<string>>();
    for (const report of usageReports) {
      const days = await storedReportDays(run.db, report, oldest);
      for (const day of await unrecordedReportDays(run.db, report, oldest)) days.delete(day);
      stored.set(report, days);
    }
    // Days a run that stopped part-way stored but did not roll up.
    const toRollUp = new Set(await daysToRollUp(run.db, oldest));

    // Day by day across reports: each report has its own limit, so they interleave.
    for (let day = oldest; day <= newest; day = addDays(day, 1)) {
      for (const report of usageReports) {
        if (stored.get(report)?.has(day)) continue;
        await run.reportPacer(report).take(1, run.signal);
        const snapshot = await fetchUsageReportDay(run.client, report, day, settingSaysConcealed);
        const recorded = await run.db.transaction().execute(async (trx) => {
          await saveUsageReportDay(trx, snapshot, new Date());
          return recordAdoptionReport(trx, snapshot);
        });
        counts.daysStored += 1;
        counts.rows += snapshot.rows.length;
        counts.joined += recorded.joined;
        counts.unmatched += recorded.unmatched;
        if (snapshot.concealedNames) counts.concealedDays += 1;
        if (snapshot.concealedNames && !toldConcealed) {
          run.log.warn({ report, day }, concealedAdvice);
          toldConcealed = true;
        }
        toRollUp.add(day);
        run.progress("report days", counts.daysStored);
      }
      if (toRollUp.delete(day)) {
        await run.db.transaction().execute((trx) => rollUpAdoption(trx, day));
        counts.daysRolledUp += 1;
      }
    }

    counts.pruned = await pruneUsageReports(run.db, addDays(today, -run.usageRetentionDays));
    counts.rawRowsPruned = await pruneUsageReportRows(run.db, personDaysSince(today));
    const adoption = await pruneAdoption(run.db, today, run.usageRetentionDays);
    counts.personDaysPruned = adoption.personDays;
    counts.periodsPruned = adoption.groupPeriods;
    return { counts };
  },
};
