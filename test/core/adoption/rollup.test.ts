import { sql } from "kysely";
import { afterEach, expect, it } from "vitest";
import type { AdoptionPeriodKind } from "../../../core/adoption/adoptionTables";
import { pruneAdoption } from "../../../core/adoption/retention";
import { rollUpAdoption } from "../../../core/adoption/rollup";
import type { Store } from "../../../core/store/openStore";
import { describeOnEachEngine, openMigratedStore } from "../../support/storeEngines";
import { activeUser, appsUse, email, inDirectory, storeReportDay, teamsActivity, teamsDevices } from "./reportRows";

const monday = "2026-11-16";
const tuesday = "2026-11-17";
const thursday = "2026-11-19";

const groupRows = async (store: Store, period: AdoptionPeriodKind) =>
  (
    await store.db
      .selectFrom("adoption_group_period")
      .selectAll()
      .select(sql<string>`to_char(start, 'YYYY-MM-DD')`.as("from"))
      .where("period", "=", period)
      .orderBy("start")
      .orderBy("level")
      .orderBy("directorate")
      .orderBy("service")
      .execute()
  ).map(({ from, computed_at: _computed, ...row }) => ({
    ...row,
    start: from,
    // bigint sums arrive as strings on one driver and numbers on the other
    team_chat: Number(row.team_chat),
    private_chat: Number(row.private_chat),
    posts: Number(row.posts),
    calls: Number(row.calls),
    meetings_organised: Number(row.meetings_organised),
    meetings_attended: Number(row.meetings_attended),
    emails_sent: Number(row.emails_sent),
  }));

/**
 * Six staff: Aled and Bethan in Resources/Revenues, Carys in Resources with no
 * service, Dewi in Place/Highways, Gwen in Place/Parks (never in a report),
 * Eira with no directorate. Ffion is disabled, so not staff.
 */
async function aSmallCouncil(store: Store) {
  return inDirectory(store.db, [
    { name: "Aled", department: "Resources", division: "Revenues" },
    { name: "Bethan", department: "Resources", division: "Revenues" },
    { name: "Carys", department: "Resources" },
    { name: "Dewi", department: "Place", division: "Highways" },
    { name: "Gwen", department: "Place", division: "Parks" },
    { name: "Eira" },
    { name: "Ffion", department: "Place", division: "Highways", accountEnabled: false },
  ]);
}

async function mondaysReports(store: Store, people: Awaited<ReturnType<typeof aSmallCouncil>>) {
  const { aled, bethan, carys, dewi, eira } = people;
  const day = monday;
  await storeReportDay(store.db, "getTeamsUserActivityUserDetail", day, [
    teamsActivity(aled, day, { teamChat: 2, calls: 1 }),
    teamsActivity(bethan, day, { privateChat: 3, attended: 2 }),
    teamsActivity(dewi, day, { lastActivity: day }),
    teamsActivity(eira, day, { posts: 1, replies: 1 }),
    // Not in the directory: kept as a person day, counted nowhere.
    teamsActivity({ id: "4b1d0000-0000-4000-8000-000000000999", upn: "visitor@elsewhere.org" }, day, { teamChat: 10 }),
  ]);
  await storeReportDay(store.db, "getTeamsDeviceUsageUserDetail", day, [
    teamsDevices(aled, day, { Windows: true }),
    teamsDevices(bethan, day, { Web: true, iOS: true }),
    teamsDevices(dewi, day, { "Android Phone": true }),
  ]);
  await storeReportDay(store.db, "getM365AppUserDetail", day, [
    appsUse(carys, day, { Windows: true, Web: true }),
    appsUse(aled, day, { Mobile: true }),
  ]);
  await storeReportDay(store.db, "getEmailActivityUserDetail", day, [
    email(aled, day, 5),
    email(carys, day, 2),
    email(eira, day, 0, 1),
  ]);
  await storeReportDay(store.db, "getOffice365ActiveUserDetail", day, [
    activeUser(aled, day, { oneDrive: true }),
    activeUser(dewi, day, { sharePoint: true }),
    activeUser(carys, day, { oneDrive: true, sharePoint: true }),
  ]);
}

async function tuesdaysReports(store: Store, people: Awaited<ReturnType<typeof aSmallCouncil>>) {
  const { aled, carys } = people;
  await storeReportDay(store.db, "getTeamsUserActivityUserDetail", tuesday, [
    teamsActivity(aled, tuesday, { teamChat: 1 }),
    teamsActivity(carys, tuesday, { organised: 1 }),
  ]);
  await storeReportDay(store.db, "getTeamsDeviceUsageUserDetail", tuesday, [
    teamsDevices(aled, tuesday, { Web: true }),
  ]);
}

describeOnEachEngine("adoption figures rolled up from person days", (engine) => {
  let store: Store;
  afterEach(() => store?.close());

  it("counts a day per council, directorate and service as counted by hand", async () => {
    store = await openMigratedStore(engine);
    await mondaysReports(store, await aSmallCouncil(store));
    await rollUpAdoption(store.db, monday);

    const days = await groupRows(store, "day");
    expect(days.find((r) => r.level === "council")).toEqual({
      period: "day",
      start: monday,
      level: "council",
      directorate: "",
      service: "",
      concealed: false,
      days_covered: 1,
      staff: 6,
      reported: 5,
      teams_active: 4,
      chatting: 2,
      meeting: 1,
      calling: 1,
      team_chat: 2,
      private_chat: 3,
      posts: 2,
      calls: 1,
      meetings_organised: 0,
      meetings_attended: 2,
      teams_desktop: 1,
      teams_web: 1,
      teams_mobile: 2,
      // Aled (Teams desktop, apps mobile), Bethan (web, mobile), Carys (apps desktop and web).
      multi_platform: 3,
      emails_sent: 7,
      email_active: 3,
      onedrive_active: 2,
      sharepoint_active: 2,
      content_active: 3,
      apps_activated: 2,
    });
    expect(
      days.map((r) => [r.level, r.directorate, r.service, r.staff, r.reported, r.teams_active, r.content_active]),
    ).toEqual([
      ["council", "", "", 6, 5, 4, 3],
      ["directorate", "Place", "", 2, 1, 1, 1],
      ["directorate", "Resources", "", 3, 3, 2, 2],
      ["service", "Place", "Highways", 1, 1, 1, 1],
      // Staff but no one in the reports: a row of zeros, not a missing row.
      ["service", "Place", "Parks", 1, 0, 0, 0],
      ["service", "Resources", "Revenues", 2, 2, 2, 1],
    ]);
  });

  it("counts each person once over a week, and says how many days it covers", async () => {
    store = await openMigratedStore(engine);
    const people = await aSmallCouncil(store);
    await mondaysReports(store, people);
    await rollUpAdoption(store.db, monday);
    // Tuesday lands later: rolling it up puts its week and month right.
    await tuesdaysReports(store, people);
    await rollUpAdoption(store.db, tuesday);

    const [week] = await groupRows(store, "week");
    expect(week).toMatchObject({
      start: monday,
      level: "council",
      days_covered: 2,
      reported: 5,
      teams_active: 5,
      chatting: 2,
      meeting: 2,
      team_chat: 3,
      meetings_organised: 1,
      teams_web: 2,
      multi_platform: 3,
    });
    const [month] = await groupRows(store, "month");
    expect(month).toMatchObject({ start: "2026-11-01", level: "council", days_covered: 2, teams_active: 5 });
    expect((await groupRows(store, "day")).filter((r) => r.level === "council").map((r) => r.start)).toEqual([
      monday,
      tuesday,
    ]);
  });

  it("gives the same figures when rolled up again", async () => {
    store = await openMigratedStore(engine);
    await mondaysReports(store, await aSmallCouncil(store));
    await rollUpAdoption(store.db, monday);
    const once = await Promise.all((["day", "week", "month"] as const).map((p) => groupRows(store, p)));
    await rollUpAdoption(store.db, monday);
    expect(await Promise.all((["day", "week", "month"] as const).map((p) => groupRows(store, p)))).toEqual(once);
  });

  it("writes only the council row, marked concealed, for any period with a concealed day", async () => {
    store = await openMigratedStore(engine);
    const people = await aSmallCouncil(store);
    await mondaysReports(store, people);
    const hashed = (n: number) => ({ upn: `22C5B5A0E3BB38EA4BB5B8CCEEEEA5${n}0` });
    await storeReportDay(
      store.db,
      "getTeamsUserActivityUserDetail",
      thursday,
      [
        teamsActivity(hashed(1), thursday, { teamChat: 1 }),
        teamsActivity(hashed(2), thursday, { calls: 2 }),
        teamsActivity(hashed(3), thursday),
      ],
      true,
    );
    await rollUpAdoption(store.db, monday);
    await rollUpAdoption(store.db, thursday);

    const thursdayRows = (await groupRows(store, "day")).filter((r) => r.start === thursday);
    expect(thursdayRows).toEqual([
      expect.objectContaining({ level: "council", concealed: true, staff: 6, reported: 3, teams_active: 2, calls: 2 }),
    ]);
    // Monday alone is not concealed; its week now has a concealed day in it.
    expect((await groupRows(store, "day")).filter((r) => r.start === monday)).toHaveLength(6);
    expect(await groupRows(store, "week")).toEqual([
      expect.objectContaining({ level: "council", concealed: true, days_covered: 2 }),
    ]);
  });

  it("prunes person days after 70 days and group figures once their period has left the retention", async () => {
    store = await openMigratedStore(engine);
    const people = await aSmallCouncil(store);
    await mondaysReports(store, people);
    await tuesdaysReports(store, people);
    await rollUpAdoption(store.db, monday);
    await rollUpAdoption(store.db, tuesday);

    // 70 days after Tuesday; the retention reaches back to 27 November.
    const pruned = await pruneAdoption(store.db, "2027-01-26", 60);

    const kept = await store.db
      .selectFrom("adoption_person_day")
      .select(sql<string>`to_char(day, 'YYYY-MM-DD')`.as("day"))
      .distinct()
      .execute();
    expect(kept).toEqual([{ day: tuesday }]);
    expect(await groupRows(store, "day")).toEqual([]);
    expect(await groupRows(store, "week")).toEqual([]);
    expect((await groupRows(store, "month")).map((r) => r.start)).toEqual(Array(6).fill("2026-11-01"));
    expect(pruned.personDays).toBeGreaterThan(0);
  });
});
