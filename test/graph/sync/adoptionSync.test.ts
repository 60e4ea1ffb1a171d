import { type Selectable, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { adoptionReportNames } from "../../../core/adoption/adoptionReports";
import type { AdoptionGroupPeriodTable, AdoptionPersonDayTable } from "../../../core/adoption/adoptionTables";
import { addDays } from "../../../core/adoption/calendar";
import { rollUpAdoption } from "../../../core/adoption/rollup";
import { fetchTrusting } from "../../../graph/trustedFetch";
import { type SyncHarness, startSyncHarness } from "../../support/syncHarness";

/** Graph keeps 28 days and lands data two days late: days today-27 … today-2. */
const daysAvailable = 26;

const countsOf = (outcome: Awaited<ReturnType<SyncHarness["sync"]>>) => {
  if (outcome.status !== "succeeded") throw new Error(`sync ${outcome.status}`);
  return outcome.counts;
};

async function personDays(h: SyncHarness) {
  const { rows } = await sql<Selectable<AdoptionPersonDayTable> & { on_day: string }>`
    select to_char(day, 'YYYY-MM-DD') as on_day, * from adoption_person_day order by day, person`.execute(h.store.db);
  return rows.map(({ day: _day, ...row }) => row);
}

async function groupRows(h: SyncHarness, period?: string) {
  const { rows } = await sql<Selectable<AdoptionGroupPeriodTable> & { start_day: string }>`
    select to_char(start, 'YYYY-MM-DD') as start_day, * from adoption_group_period
    where ${period ?? null}::text is null or period = ${period ?? null}
    order by period, start, level, directorate, service`.execute(h.store.db);
  return rows.map(({ start: _start, computed_at: _at, ...row }) => ({
    ...row,
    team_chat: Number(row.team_chat),
    emails_sent: Number(row.emails_sent),
  }));
}

const storedDays = async (h: SyncHarness) =>
  (
    await h.store.db
      .selectFrom("usage_report_snapshot")
      .select(sql<string>`to_char(report_date, 'YYYY-MM-DD')`.as("day"))
      .where("report", "=", "getTeamsUserActivityUserDetail")
      .orderBy("report_date")
      .execute()
  ).map((r) => r.day);

async function forgetDay(h: SyncHarness, day: string) {
  await h.store.db.deleteFrom("usage_report_snapshot").where("report_date", "=", day).execute();
  await h.store.db.deleteFrom("adoption_person_day").where("day", "=", day).execute();
}

describe("adoption figures from the usage report sync", () => {
  let h: SyncHarness;
  afterEach(() => h?.stop());

  it("waits for the first directory sync at first start, so no day is recorded with nobody to join to", async () => {
    h = await startSyncHarness("pglite", { staff: 40, devices: 0 });
    // At first start every sync begins at once: the reports' run starts before the directory exists.
    const reports = h.sync("reports");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await personDays(h)).toEqual([]);
    await h.sync("users");
    const counts = countsOf(await reports);

    expect(counts.unmatched).toBe(0);
    const councilDays = (await groupRows(h, "day")).filter((r) => r.level === "council");
    expect(councilDays).toHaveLength(daysAvailable);
    for (const day of councilDays) expect(day.staff).toBeGreaterThan(0);
  });

  it("back-fills 28 days on the first run, joining people to their directorate and service by id and by UPN", async () => {
    h = await startSyncHarness("pglite", { staff: 40, devices: 0 });
    await h.sync("users");
    const counts = countsOf(await h.sync("reports"));

    const today = h.tenant.council.today;
    const licensed = [...h.tenant.council.users.values()].filter((u) => u.isLicensed);
    expect(counts.daysRolledUp).toBe(daysAvailable);
    expect(counts.unmatched).toBe(0);
    expect(counts.joined).toBe(licensed.length * adoptionReportNames.length * daysAvailable);

    const rows = await personDays(h);
    const days = [...new Set(rows.map((r) => r.on_day))];
    expect(days).toHaveLength(daysAvailable);
    expect(days[0]).toBe(addDays(today, -27));
    expect(days.at(-1)).toBe(addDays(today, -2));
    // Teams reports carry User Id; email, apps and active users only UPN: all five land on one row per person.
    expect(rows).toHaveLength(licensed.length * daysAvailable);
    for (const row of rows) {
      const user = h.tenant.council.users.get(row.user_id as string);
      expect(row.person).toBe(user?.id);
      expect(row.reports).toBe(31);
      expect([row.directorate, row.service]).toEqual([user?.department, user?.serviceName]);
    }

    const dayRows = await groupRows(h, "day");
    const councils = dayRows.filter((r) => r.level === "council");
    expect(councils.map((r) => r.start_day)).toEqual(days);
    const enabled = [...h.tenant.council.users.values()].filter((u) => u.accountEnabled);
    for (const council of councils) {
      expect(council).toMatchObject({ concealed: false, days_covered: 1, staff: enabled.length });
      expect(council.reported).toBe(licensed.length);
    }
    const directorates = new Set(enabled.map((u) => u.department));
    expect(new Set(dayRows.filter((r) => r.level === "directorate").map((r) => r.directorate))).toEqual(directorates);

    // A week or month the back-fill only reaches part of says how many of its days it holds.
    for (const period of await groupRows(h)) {
      if (period.level !== "council" || period.period === "day") continue;
      const end = period.period === "week" ? addDays(period.start_day, 6) : `${period.start_day.slice(0, 7)}-31`;
      expect(period.days_covered).toBe(days.filter((d) => d >= period.start_day && d <= end).length);
    }
  });

  it("gives the same person days and figures when a report day is stored again", async () => {
    h = await startSyncHarness("pglite", { staff: 40, devices: 0 });
    await h.sync("users");
    await h.sync("reports");
    const before = { people: await personDays(h), groups: await groupRows(h) };
    const [day] = await storedDays(h);

    // The Teams report's day is gone from the store (but not its person days): the next run stores it again.
    await h.store.db
      .deleteFrom("usage_report_snapshot")
      .where("report", "=", "getTeamsUserActivityUserDetail")
      .where("report_date", "=", day as string)
      .execute();
    const again = countsOf(await h.sync("reports"));

    expect(again).toMatchObject({ daysStored: 1, daysRolledUp: 1 });
    expect(await personDays(h)).toEqual(before.people);
    expect(await groupRows(h)).toEqual(before.groups);
  });

  it("fills a missed day on the next run and rolls up its week and month again", async () => {
    h = await startSyncHarness("pglite", { staff: 40, devices: 0 });
    await h.sync("users");
    await h.sync("reports");
    const complete = await groupRows(h);
    // As if the first run had missed a day: nothing of it stored, its week and month a day short.
    const missed = (await storedDays(h))[10] as string;
    await forgetDay(h, missed);
    await rollUpAdoption(h.store.db, missed);
    const short = await groupRows(h);
    expect(short.some((r) => r.start_day === missed)).toBe(false);
    expect(short.find((r) => r.period === "week" && r.level === "council")?.days_covered).toBeLessThan(7);

    const next = countsOf(await h.sync("reports"));

    expect(next).toMatchObject({ daysStored: 7, daysRolledUp: 1 });
    expect(await groupRows(h)).toEqual(complete);

    // The next day lands: one more day of each report, rolled up.
    h.tenant.advance(1);
    expect(countsOf(await h.sync("reports"))).toMatchObject({ daysStored: 7, daysRolledUp: 1 });
  });

  it("fetches again a day stored before adoption read the reports, and rolls up a day a stopped run left", async () => {
    h = await startSyncHarness("pglite", { staff: 40, devices: 0 });
    await h.sync("users");
    await h.sync("reports");
    const [oldest, second] = await storedDays(h);
    await h.store.db
      .deleteFrom("adoption_person_day")
      .where("day", "=", oldest as string)
      .execute();
    await h.store.db
      .deleteFrom("adoption_group_period")
      .where("period", "=", "day")
      .where("start", "=", second as string)
      .execute();

    const next = countsOf(await h.sync("reports"));

    expect(next.daysStored).toBe(adoptionReportNames.length);
    expect(next.daysRolledUp).toBe(2);
    const councilDays = (await groupRows(h, "day")).filter((r) => r.level === "council").map((r) => r.start_day);
    expect(councilDays).toContain(oldest);
    expect(councilDays).toContain(second);
  });

  it("detects concealed names from the admin setting and keeps council figures only", async () => {
    h = await startSyncHarness("pglite", { staff: 40, devices: 0 });
    const { fetch, dispatcher } = fetchTrusting(h.tenant.caCertPem);
    const switched = await fetch(`${h.tenant.url}/_admin/report-settings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ displayConcealedNames: true }),
    });
    expect(switched.status).toBe(200);
    await dispatcher?.close();
    await h.sync("users");

    const counts = countsOf(await h.sync("reports"));

    expect(counts).toMatchObject({ joined: 0, concealedDays: counts.daysStored });
    const rows = await personDays(h);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.user_id).toBeNull();
      expect(row.directorate).toBeNull();
      expect(row.person).toMatch(/^report:[0-9A-F]{32}$/);
    }
    const groups = await groupRows(h);
    expect(new Set(groups.map((r) => r.level))).toEqual(new Set(["council"]));
    expect(groups.every((r) => r.concealed)).toBe(true);
    const licensed = [...h.tenant.council.users.values()].filter((u) => u.isLicensed);
    expect(groups.find((r) => r.period === "day")?.reported).toBe(licensed.length);
  });

  it("prunes raw rows and person days after 70 days and figures after the retention, keeping day headers", async () => {
    h = await startSyncHarness("pglite", { staff: 40, devices: 0 });
    await h.sync("users");
    const today = h.tenant.council.today;
    const old = addDays(today, -71);
    await h.store.db
      .insertInto("usage_report_snapshot")
      .values({
        report: "getOneDriveUsageAccountDetail",
        report_date: old,
        refresh_date: old,
        row_count: 1,
        concealed_names: false,
        fetched_at: new Date(),
      })
      .execute();
    await h.store.db
      .insertInto("usage_report_row")
      .values({
        report: "getOneDriveUsageAccountDetail",
        report_date: old,
        row_key: "aled",
        user_id: null,
        user_principal_name: null,
        data: JSON.stringify({ "Owner Principal Name": "aled@llanfair.gov.uk", "File Count": "3" }),
      })
      .execute();
    await h.store.db.insertInto("adoption_person_day").values({ day: old, person: "report:aled" }).execute();
    const figures = {
      concealed: false,
      days_covered: 1,
      staff: 1,
      reported: 1,
      teams_active: 1,
      chatting: 0,
      meeting: 0,
      calling: 0,
      team_chat: 0,
      private_chat: 0,
      posts: 0,
      calls: 0,
      meetings_organised: 0,
      meetings_attended: 0,
      teams_desktop: 0,
      teams_web: 0,
      teams_mobile: 0,
      multi_platform: 0,
      emails_sent: 0,
      email_active: 0,
      onedrive_active: 0,
      sharepoint_active: 0,
      content_active: 0,
      apps_activated: 0,
    };
    const level = { level: "council" as const, directorate: "", service: "" };
    await h.store.db
      .insertInto("adoption_group_period")
      .values([
        { period: "day", start: old, ...level, ...figures },
        { period: "day", start: addDays(today, -1096), ...level, ...figures },
      ])
      .execute();

    const counts = countsOf(await h.sync("reports"));

    expect(counts).toMatchObject({ rawRowsPruned: 1, personDaysPruned: 1, periodsPruned: 1, pruned: 0 });
    expect(await h.store.db.selectFrom("usage_report_row").where("report_date", "=", old).execute()).toEqual([]);
    expect(
      await h.store.db.selectFrom("usage_report_snapshot").select("row_count").where("report_date", "=", old).execute(),
    ).toEqual([{ row_count: 1 }]);
    expect((await groupRows(h, "day")).some((r) => r.start_day === old)).toBe(true);
  });
});
