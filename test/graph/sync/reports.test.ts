import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { usageReports } from "../../../core/usage/usageSnapshot";
import { type SyncHarness, startSyncHarness } from "../../support/syncHarness";

/** Graph keeps 28 days and lands data two days late: days today-27 … today-2. */
const daysAvailable = 26;

const countsOf = (outcome: Awaited<ReturnType<SyncHarness["sync"]>>) =>
  outcome.status === "succeeded" ? outcome.counts : {};

describe("usage report snapshots", () => {
  let h: SyncHarness;
  afterEach(() => h?.stop());

  it("back-fills every day Graph still has on the first run, then fetches nothing already stored", async () => {
    h = await startSyncHarness("pglite", { staff: 40, devices: 40 });
    const first = countsOf(await h.sync("reports"));
    expect(first.daysStored).toBe(usageReports.length * daysAvailable);
    expect(first.concealedDays).toBe(0);

    h.tenant.requestLog.clear();
    const second = countsOf(await h.sync("reports"));
    expect(second.daysStored).toBe(0);
    expect(h.tenant.requestLog.entries("graph").filter((e) => e.url.includes("/reports/get"))).toEqual([]);
  });

  it("fills a missed day on the next run, and stores each day once", async () => {
    h = await startSyncHarness("pglite", { staff: 40, devices: 40 });
    await h.sync("reports");
    const missing = await h.store.db
      .selectFrom("usage_report_snapshot")
      .select(sql<string>`to_char(report_date, 'YYYY-MM-DD')`.as("day"))
      .where("report", "=", "getTeamsUserActivityUserDetail")
      .orderBy("report_date")
      .executeTakeFirstOrThrow();
    await h.store.db
      .deleteFrom("usage_report_snapshot")
      .where("report", "=", "getTeamsUserActivityUserDetail")
      .where("report_date", "=", missing.day)
      .execute();

    expect(countsOf(await h.sync("reports")).daysStored).toBe(1);
    h.tenant.advance(1);
    expect(countsOf(await h.sync("reports")).daysStored).toBe(usageReports.length);

    const duplicates = await h.store.db
      .selectFrom("usage_report_row")
      .select(["report", "report_date", "row_key"])
      .groupBy(["report", "report_date", "row_key"])
      .having(sql`count(*)`, ">", 1)
      .execute();
    expect(duplicates).toEqual([]);
  });

  it("keeps one row per licensed person per day with the report's own columns", async () => {
    h = await startSyncHarness("pglite", { staff: 40, devices: 40 });
    await h.sync("reports");
    const day = await h.store.db
      .selectFrom("usage_report_row")
      .select(["user_principal_name", "data"])
      .where("report", "=", "getTeamsUserActivityUserDetail")
      .where("report_date", "=", sql<string>`(select max(report_date) from usage_report_snapshot)`)
      .execute();
    const licensed = [...h.tenant.council.users.values()].filter((u) => u.isLicensed);
    expect(day.length).toBe(licensed.length);
    expect(Object.keys(day[0]?.data ?? {})).toContain("Team Chat Message Count");
    expect(day.map((r) => r.user_principal_name).sort()).toEqual(licensed.map((u) => u.userPrincipalName).sort());
  });

  it("detects concealed names and says so, rather than joining hashes to nobody", async () => {
    h = await startSyncHarness("pglite", { staff: 40, devices: 40 });
    h.tenant.council.reportSettings.displayConcealedNames = true;
    const counts = countsOf(await h.sync("reports"));
    expect(counts.concealedDays).toBe(counts.daysStored);
    const concealedSnapshots = await h.store.db
      .selectFrom("usage_report_snapshot")
      .select("concealed_names")
      .distinct()
      .execute();
    expect(concealedSnapshots).toEqual([{ concealed_names: true }]);
    const sample = await h.store.db
      .selectFrom("usage_report_row")
      .select("user_principal_name")
      .where("report", "=", "getEmailActivityUserDetail")
      .limit(5)
      .execute();
    for (const row of sample) expect(row.user_principal_name).toMatch(/^[0-9A-F]{32}$/);
  });
});
