import { sql } from "kysely";
import { afterEach, expect, it } from "vitest";
import { recordAdoptionReport } from "../../../core/adoption/personDays";
import type { Store } from "../../../core/store/openStore";
import { describeOnEachEngine, openMigratedStore } from "../../support/storeEngines";
import { activeUser, appsUse, email, inDirectory, storeReportDay, teamsActivity, teamsDevices } from "./reportRows";

const day = "2026-11-18";

const personDays = async (store: Store) =>
  (
    await store.db
      .selectFrom("adoption_person_day")
      .selectAll()
      .select(sql<string>`to_char(day, 'YYYY-MM-DD')`.as("on"))
      .orderBy("person")
      .execute()
  ).map(({ on, ...row }) => ({ ...row, day: on }));

describeOnEachEngine("a person's day from the usage reports", (engine) => {
  let store: Store;
  afterEach(() => store?.close());

  it("merges each report's columns into one row per person, joined to the directory by id or by UPN", async () => {
    store = await openMigratedStore(engine);
    const { aled, bethan } = await inDirectory(store.db, [
      { name: "Aled", department: "Resources", division: "Revenues and Benefits" },
      { name: "Bethan", department: "Place", division: null },
    ]);
    const shouting = { upn: bethan.upn.toUpperCase() };

    const teams = await storeReportDay(store.db, "getTeamsUserActivityUserDetail", day, [
      teamsActivity(aled, day, { teamChat: 4, privateChat: 2, posts: 1, replies: 2, calls: 1, organised: 1 }),
      teamsActivity(bethan, day, { lastActivity: day }),
    ]);
    await storeReportDay(store.db, "getTeamsDeviceUsageUserDetail", day, [
      teamsDevices(aled, day, { Windows: true, iOS: true }),
      teamsDevices(bethan, day, {}),
    ]);
    const mail = await storeReportDay(store.db, "getEmailActivityUserDetail", day, [
      email(aled, day, 7),
      email(shouting, day, 0, 3),
    ]);
    await storeReportDay(store.db, "getM365AppUserDetail", day, [appsUse(shouting, day, { Web: true, Mobile: true })]);
    await storeReportDay(store.db, "getOffice365ActiveUserDetail", day, [
      activeUser(aled, day, { oneDrive: true }),
      activeUser(bethan, day, { sharePoint: true }),
    ]);

    expect(teams).toEqual({ joined: 2, unmatched: 0, concealed: false });
    expect(mail).toEqual({ joined: 2, unmatched: 0, concealed: false });
    expect(await personDays(store)).toEqual([
      {
        day,
        person: aled.id,
        user_id: aled.id,
        directorate: "Resources",
        service: "Revenues and Benefits",
        reports: 1 | 2 | 8 | 16,
        teams_active: true,
        team_chat: 4,
        private_chat: 2,
        posts: 3,
        calls: 1,
        meetings_organised: 1,
        meetings_attended: 0,
        teams_platforms: 1 | 4,
        apps_platforms: 0,
        apps_activated: false,
        emails_sent: 7,
        email_active: true,
        onedrive_active: true,
        sharepoint_active: false,
      },
      {
        day,
        person: bethan.id,
        user_id: bethan.id,
        directorate: "Place",
        service: null,
        reports: 1 | 2 | 4 | 8 | 16,
        // No counts, but "Last Activity Date" is the day itself.
        teams_active: true,
        team_chat: 0,
        private_chat: 0,
        posts: 0,
        calls: 0,
        meetings_organised: 0,
        meetings_attended: 0,
        teams_platforms: 0,
        apps_platforms: 2 | 4,
        apps_activated: true,
        emails_sent: 0,
        email_active: true,
        onedrive_active: false,
        sharepoint_active: true,
      },
    ]);
  });

  it("gives the same rows when a report day is recorded twice, and lets a later copy replace an earlier one", async () => {
    store = await openMigratedStore(engine);
    const { aled, bethan } = await inDirectory(store.db, [
      { name: "Aled", department: "Resources" },
      { name: "Bethan", department: "Place" },
    ]);
    const teams = [teamsActivity(aled, day, { teamChat: 3 }), teamsActivity(bethan, day, { calls: 2 })];
    await storeReportDay(store.db, "getTeamsUserActivityUserDetail", day, teams);
    await storeReportDay(store.db, "getTeamsDeviceUsageUserDetail", day, [teamsDevices(aled, day, { Web: true })]);
    const once = await personDays(store);

    await storeReportDay(store.db, "getTeamsUserActivityUserDetail", day, teams);
    await storeReportDay(store.db, "getTeamsDeviceUsageUserDetail", day, [teamsDevices(aled, day, { Web: true })]);
    expect(await personDays(store)).toEqual(once);

    // A later copy without Bethan and with Aled quiet: Bethan's row goes, Aled stays active through devices.
    await storeReportDay(store.db, "getTeamsUserActivityUserDetail", day, [teamsActivity(aled, day)]);
    expect(await personDays(store)).toMatchObject([
      { person: aled.id, team_chat: 0, teams_active: true, teams_platforms: 2, reports: 1 | 16 },
    ]);
  });

  it("does not join a recycled UPN to the person who holds it now", async () => {
    store = await openMigratedStore(engine);
    // Carys has the UPN a leaver had; the leaver's rows still carry their own User Id.
    const { carys } = await inDirectory(store.db, [{ name: "Carys", department: "People" }]);
    const leaver = { id: "9f1e0000-0000-4000-8000-00000000dead", upn: carys.upn };

    const teams = await storeReportDay(store.db, "getTeamsUserActivityUserDetail", day, [
      teamsActivity(leaver, day, { teamChat: 9 }),
    ]);
    // The email report has no User Id: having seen the UPN belong to someone else today, it is not trusted either.
    await storeReportDay(store.db, "getEmailActivityUserDetail", day, [email({ upn: carys.upn }, day, 5)]);

    expect(teams).toEqual({ joined: 0, unmatched: 1, concealed: false });
    const rows = await personDays(store);
    expect(rows).toMatchObject([
      { person: `report:${carys.upn}`, user_id: null, directorate: null, team_chat: 9, emails_sent: 5 },
    ]);
    expect(rows.some((r) => r.user_id === carys.id)).toBe(false);
  });

  it("does not join a deleted account's row by UPN, nor anyone no longer in the directory", async () => {
    store = await openMigratedStore(engine);
    const { dewi } = await inDirectory(store.db, [{ name: "Dewi", department: "Place" }]);
    const { eira } = await inDirectory(store.db, [{ name: "Eira", department: "Place", removed: true }]);

    const recorded = await storeReportDay(store.db, "getEmailActivityUserDetail", day, [
      email({ upn: dewi.upn, deleted: true }, day, 2),
      email({ upn: eira.upn }, day, 4),
    ]);

    expect(recorded).toEqual({ joined: 0, unmatched: 2, concealed: false });
    expect((await personDays(store)).map((r) => [r.person, r.user_id])).toEqual([
      [`report:${dewi.upn}`, null],
      [`report:${eira.upn}`, null],
    ]);
  });

  it("joins nobody when names are concealed, keeping the report's hashed name", async () => {
    store = await openMigratedStore(engine);
    await inDirectory(store.db, [{ name: "Ffion", department: "Place" }]);
    const hashed = { id: "5D41402ABC4B2A76B9719D911017C592", upn: "22C5B5A0E3BB38EA4BB5B8CCEEEEA51D" };

    const teams = await storeReportDay(
      store.db,
      "getTeamsUserActivityUserDetail",
      day,
      [teamsActivity(hashed, day, { privateChat: 1 })],
      true,
    );
    await storeReportDay(store.db, "getEmailActivityUserDetail", day, [email({ upn: hashed.upn }, day, 1)], true);

    expect(teams).toEqual({ joined: 0, unmatched: 1, concealed: true });
    expect(await personDays(store)).toMatchObject([
      { person: `report:${hashed.upn}`, user_id: null, directorate: null, reports: 1 | 8, private_chat: 1 },
    ]);
  });

  it("leaves the storage reports alone", async () => {
    store = await openMigratedStore(engine);
    const result = await recordAdoptionReport(store.db, {
      report: "getOneDriveUsageAccountDetail",
      date: day,
      refreshDate: day,
      concealedNames: false,
      rows: [{ "Owner Principal Name": "aled@llanfair.gov.uk", "File Count": "3" }],
    });
    expect(result).toEqual({ joined: 0, unmatched: 0, concealed: false });
    expect(await personDays(store)).toEqual([]);
  });
});
