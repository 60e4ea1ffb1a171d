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
    await h.sync("users");
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
    await h.sync("users");
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

  it("keeps the OneDrive report's rows as sent, one per licensed person, and only the header of reports adoption reads", async () => {
    h = await startSyncHarness("pglite", { staff: 40, devices: 40 });
    await h.sync("users");
    await h.sync("reports");
    const newest = sql<string>`(select max(report_date) from usage_report_snapshot)`;
    const day = await h.store.db
      .selectFrom("usage_report_row")
      .select("data")
      .where("report", "=", "getOneDriveUsageAccountDetail")
      .where("report_date", "=", newest)
      .execute();
    const licensed = [...h.tenant.council.users.values()].filter((u) => u.isLicensed);
    expect(day.length).toBe(licensed.length);
    expect(Object.keys(day[0]?.data ?? {})).toContain("Storage Used (Byte)");
    expect(day.map((r) => r.data["Owner Principal Name"]).sort()).toEqual(
      licensed.map((u) => u.userPrincipalName).sort(),
    );

    // Teams activity is read as person days: its day keeps a header with the row count, and no raw rows.
    const teams = await h.store.db
      .selectFrom("usage_report_snapshot")
      .select("row_count")
      .where("report", "=", "getTeamsUserActivityUserDetail")
      .where("report_date", "=", newest)
      .executeTakeFirstOrThrow();
    expect(teams.row_count).toBe(licensed.length);
    const rawReports = await h.store.db.selectFrom("usage_report_row").select("report").distinct().execute();
    expect(rawReports.map((r) => r.report).sort()).toEqual([
      "getOneDriveUsageAccountDetail",
      "getSharePointSiteUsageDetail",
    ]);
  });

  it("detects concealed names and says so, rather than joining hashes to nobody", async () => {
    h = await startSyncHarness("pglite", { staff: 40, devices: 40 });
    await h.sync("users");
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
      .select("data")
      .where("report", "=", "getOneDriveUsageAccountDetail")
      .limit(5)
      .execute();
    expect(sample).toHaveLength(5);
    for (const row of sample) expect(row.data["Owner Principal Name"]).toMatch(/^[0-9A-F]{32}$/);
  });
});
