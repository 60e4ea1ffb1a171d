import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdoptionOverview, AdoptionTrend, PersonFound, TargetProgress } from "../../core/adoption/adoptionApi";
import { adoptionOverview, adoptionTrend, overviewCsv, trendCsv } from "../../core/adoption/adoptionView";
import { addDays } from "../../core/adoption/calendar";
import { type GeneratedCouncil, seedAdoptionCouncil } from "../support/adoptionFactories";
import { startCouncilApp, type TestApp } from "../support/testApp";

const size = { seed: 3, staff: 40, devices: 40 };
const threshold = 10;

type Json = Record<string, unknown> & { error?: { code: string; message: string } };

describe("the Adoption routes of the tab API", () => {
  let t: TestApp;
  let council: GeneratedCouncil;
  let ict: { id: string; name: string };
  let tokens: { ict: string; staff: string };
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    const started = await startCouncilApp(size, { ADOPTION_MIN_GROUP_SIZE: String(threshold) });
    t = started.t;
    const [ictPerson, staffPerson] = started.enabled;
    if (!ictPerson || !staffPerson) throw new Error("the dev council has two enabled people");
    // The generated figures, and their staff in the directory (so that their directorates are known).
    council = await seedAdoptionCouncil(t.app.store.db, { staff: 400, weeks: 20, directory: true });
    const devTenant = t.app.graph.devTenant;
    if (!devTenant) throw new Error("expected dev-tenant mode");
    ict = { id: ictPerson.id, name: ictPerson.displayName };
    tokens = {
      ict: await devTenant.issueUserToken(ictPerson.id),
      staff: await devTenant.issueUserToken(staffPerson.id),
    };
  }, 120_000);
  afterAll(() => t?.stop());

  const call = async (token: string | null, path: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await fetch(`${t.app.url}/api/tab${path}`, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: {
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const type = response.headers.get("content-type") ?? "";
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      json: (type.includes("json") ? JSON.parse(text) : {}) as Json,
    };
  };
  const get = <T>(path: string) => call(tokens.ict, path).then((r) => ({ ...r, body: r.json as unknown as T }));
  const largest = () => council.directorates.filter((d) => d.name !== council.smallDirectorate)[0]?.name ?? "";

  it("answers only ICT: 401 without a token, 403 for staff, on every route", async () => {
    const routes: [string, string, unknown?][] = [
      ["GET", "/ict/adoption"],
      ["GET", "/ict/adoption.csv"],
      ["GET", "/ict/adoption/trend"],
      ["GET", "/ict/adoption/trend.csv"],
      ["GET", "/ict/adoption/targets"],
      ["GET", "/ict/adoption/behind"],
      ["GET", "/ict/adoption/people?q=al"],
      [
        "PUT",
        "/ict/adoption/targets",
        { directorate: largest(), measure: "teamsActive", targetPercent: 90, due: today },
      ],
      ["DELETE", "/ict/adoption/targets/1"],
      ["POST", "/ict/adoption/champions", { directorate: largest(), userId: ict.id }],
      ["DELETE", `/ict/adoption/champions?directorate=x&userId=${ict.id}`],
    ];
    for (const [method, path, body] of routes) {
      expect((await call(null, path, { method, body })).status, `${method} ${path} without a token`).toBe(401);
      const refused = await call(tokens.staff, path, { method, body });
      expect(refused.status, `${method} ${path} as staff`).toBe(403);
      expect(refused.json.error?.code).toBe("forbidden");
    }
    expect(await t.app.store.db.selectFrom("adoption_target").selectAll().execute()).toEqual([]);
    expect(await t.app.store.db.selectFrom("adoption_champion").selectAll().execute()).toEqual([]);
  });

  it("gives ICT the newest month by default, another week on asking, and hides small groups saying nothing about them", async () => {
    const { status, body } = await get<AdoptionOverview>("/ict/adoption");
    expect(status).toBe(200);
    expect(body.period).toBe("month");
    expect(body.start).toBe(council.monthStarts.at(-1));
    expect(body.threshold).toBe(threshold);
    expect(body.council?.staff).toBe(council.staff);
    expect(body.concealment).toEqual({ concealed: false, advice: null });
    const small = body.directorates.find((d) => d.directorate === council.smallDirectorate);
    expect(small).toMatchObject({ figures: null, suppressed: true });
    const big = body.directorates.find((d) => d.directorate === largest());
    expect(big?.figures?.scores.overall).toBeGreaterThan(0);

    const week = council.weekStarts.at(-3) ?? "";
    const weekly = await get<AdoptionOverview>(`/ict/adoption?period=week&start=${week}`);
    expect(weekly.status).toBe(200);
    expect(weekly.body).toMatchObject({ period: "week", start: week, end: addDays(week, 6) });
    expect(weekly.body.periods.map((p) => p.start)).toEqual([...council.weekStarts].reverse());
  });

  it("refuses a query it cannot read with a 400 saying what is wrong", async () => {
    const wednesday = addDays(council.weekStarts.at(-2) ?? "", 2);
    for (const [path, says] of [
      ["/ict/adoption?period=year", /"week" or "month".*at period/s],
      ["/ict/adoption?start=1st%20November", /YYYY-MM-DD.*at start/s],
      [`/ict/adoption?period=week&start=${wednesday}`, /a Monday for a week.*at start/s],
      ["/ict/adoption?period=month&start=2026-11-15", /the 1st for a month/],
      ["/ict/adoption/trend?measure=happiness", /teamsActive.*at measure/s],
      ["/ict/adoption/trend.csv?period=day", /period/],
      ["/ict/adoption/people?q=a", /at least 2 characters/],
      ["/ict/adoption/people", /part of a name/],
    ] as const) {
      const { status, json } = await call(tokens.ict, path);
      expect(status, path).toBe(400);
      expect(json.error?.code).toBe("invalid_input");
      expect(json.error?.message, path).toMatch(says);
    }
  });

  it("exports the overview and a trend as CSV attachments, the same as the view's own files", async () => {
    const db = t.app.store.db;
    const month = council.monthStarts.at(-2) ?? "";
    const overview = await call(tokens.ict, `/ict/adoption.csv?period=month&start=${month}`);
    expect(overview.status).toBe(200);
    expect(overview.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(overview.headers.get("content-disposition")).toBe(`attachment; filename=adoption-month-${month}.csv`);
    const want = overviewCsv(await adoptionOverview(db, { period: "month", start: month, threshold, today }));
    expect(overview.text).toBe(want.replace(/^\uFEFF/, ""));
    expect(overview.text.split("\r\n").length).toBeGreaterThan(council.directorates.length);

    const directorate = largest();
    const trendPath = `/ict/adoption/trend.csv?${new URLSearchParams({ period: "week", measure: "communication", directorate })}`;
    const trend = await call(tokens.ict, trendPath);
    expect(trend.status).toBe(200);
    expect(trend.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(trend.headers.get("content-disposition")).toMatch(
      /^attachment; filename=adoption-trend-communication-week-\d{4}-\d\d-\d\d\.csv$/,
    );
    const figures = await adoptionTrend(db, { period: "week", measure: "communication", directorate, threshold });
    expect(trend.text).toBe(trendCsv(figures).replace(/^\uFEFF/, ""));

    const json = await get<AdoptionTrend>(trendPath.replace("trend.csv", "trend"));
    expect(json.body).toEqual(figures);
    expect(json.body.points).toHaveLength(council.weekStarts.length);
  });

  it("sets, moves and removes a directorate's target, with progress and the furthest behind", async () => {
    const directorate = "Children's Services";
    const due = addDays(today, 120);
    const set = await call(tokens.ict, "/ict/adoption/targets", {
      method: "PUT",
      body: { directorate, measure: "teamsActive", targetPercent: 95, due },
    });
    expect(set.status).toBe(200);
    const id = set.json.id as number;
    const [target] = (set.json.targets as TargetProgress[]).filter((p) => p.id === id);
    expect(target).toMatchObject({ directorate, measure: "teamsActive", targetPercent: 95, due, setBy: ict.name });
    expect(target?.current).toBeGreaterThan(0);

    const behind = await get<{ behind: TargetProgress[] }>("/ict/adoption/behind");
    expect(behind.body.behind[0]).toMatchObject({ id, status: "behind" });

    // The same directorate and measure again moves the target rather than adding one.
    const moved = await call(tokens.ict, "/ict/adoption/targets", {
      method: "PUT",
      body: { directorate, measure: "teamsActive", targetPercent: 50, due },
    });
    expect(moved.json.id).toBe(id);
    const listed = await get<{ targets: TargetProgress[] }>("/ict/adoption/targets");
    expect(listed.body.targets.map((p) => [p.id, p.targetPercent])).toEqual([[id, 50]]);
    const overview = await get<AdoptionOverview>("/ict/adoption");
    expect(overview.body.directorates.find((d) => d.directorate === directorate)?.targets.map((p) => p.id)).toEqual([
      id,
    ]);

    const removed = await call(tokens.ict, `/ict/adoption/targets/${id}`, { method: "DELETE" });
    expect(removed.status).toBe(200);
    expect(removed.json.targets).toEqual([]);
    const again = await call(tokens.ict, `/ict/adoption/targets/${id}`, { method: "DELETE" });
    expect(again.status).toBe(404);
    expect(again.json.error?.message).toBe("That target no longer exists.");
  });

  it("refuses a target that is out of range, past due, for an unknown directorate or measure, in the catalogue's words", async () => {
    const good = { directorate: largest(), measure: "teamsActive", targetPercent: 90, due: addDays(today, 30) };
    for (const [body, says] of [
      [{ ...good, targetPercent: 150 }, "A target is a percentage from 1 to 100."],
      [{ ...good, targetPercent: "ninety" }, "A target is a percentage from 1 to 100."],
      [{ ...good, measure: "happiness" }, "Choose one of the adoption measures."],
      [{ ...good, due: "next spring" }, "The due date must be a date, such as 2027-03-31."],
      [{ ...good, due: addDays(today, -1) }, "The due date cannot be in the past."],
      [{ ...good, directorate: "Ministry of Magic" }, "Choose a directorate that is in the directory."],
    ] as const) {
      const { status, json } = await call(tokens.ict, "/ict/adoption/targets", { method: "PUT", body });
      expect(status, JSON.stringify(body)).toBe(400);
      expect(json.error?.message).toContain(says);
    }
    expect((await call(tokens.ict, "/ict/adoption/targets/none", { method: "DELETE" })).status).toBe(400);
    expect(await t.app.store.db.selectFrom("adoption_target").selectAll().execute()).toEqual([]);
  });

  it("finds enabled people by name for a champion, at most 20 and only who they are", async () => {
    const db = t.app.store.db;
    const alexes = await db
      .selectFrom("directory_user")
      .select(["id", "display_name"])
      .where("display_name", "like", "Alex %")
      .where("removed_at", "is", null)
      .orderBy("display_name")
      .execute();
    expect(alexes.length).toBeGreaterThan(20);
    const disabled = alexes[0];
    if (!disabled) throw new Error("expected an Alex");
    await db.updateTable("directory_user").set({ account_enabled: false }).where("id", "=", disabled.id).execute();

    const { status, body } = await get<{ people: PersonFound[] }>("/ict/adoption/people?q=alex");
    expect(status).toBe(200);
    expect(body.people).toHaveLength(20);
    expect(body.people.map((p) => p.userId)).not.toContain(disabled.id);
    for (const person of body.people) {
      expect(Object.keys(person).sort()).toEqual(["directorate", "displayName", "jobTitle", "userId"]);
      expect(person.displayName.toLowerCase()).toContain("alex");
    }
    // What is typed is matched as text: % is not a wildcard.
    expect((await get<{ people: PersonFound[] }>("/ict/adoption/people?q=%25%25")).body.people).toEqual([]);
  });

  it("adds and removes a directorate's champion, shown beside its figures", async () => {
    const directorate = largest();
    const person = (await get<{ people: PersonFound[] }>("/ict/adoption/people?q=gwen")).body.people[0];
    if (!person) throw new Error("expected a Gwen");
    const added = await call(tokens.ict, "/ict/adoption/champions", { body: { directorate, userId: person.userId } });
    expect(added.status).toBe(201);
    expect(added.json.champions).toEqual([
      { userId: person.userId, displayName: person.displayName, jobTitle: person.jobTitle },
    ]);
    const overview = await get<AdoptionOverview>("/ict/adoption");
    expect(overview.body.directorates.find((d) => d.directorate === directorate)?.champions).toEqual(
      added.json.champions,
    );

    for (const [body, status, says] of [
      [
        { directorate: "Ministry of Magic", userId: person.userId },
        400,
        "Choose a directorate that is in the directory.",
      ],
      [{ directorate, userId: "no-such-person" }, 404, "That person is not in the directory."],
      [{ directorate }, 400, "userId"],
    ] as const) {
      const refused = await call(tokens.ict, "/ict/adoption/champions", { body });
      expect(refused.status, JSON.stringify(body)).toBe(status);
      expect(refused.json.error?.message).toContain(says);
    }

    const query = new URLSearchParams({ directorate, userId: person.userId });
    const removed = await call(tokens.ict, `/ict/adoption/champions?${query}`, { method: "DELETE" });
    expect(removed.status).toBe(200);
    expect(removed.json.champions).toEqual([]);
    const again = await call(tokens.ict, `/ict/adoption/champions?${query}`, { method: "DELETE" });
    expect(again.status).toBe(404);
    expect(again.json.error?.message).toBe("That person is not a champion for the directorate.");
  });

  it("answers nothing keyed by a person: no directory id or sign-in name in the figures, trends or targets", async () => {
    const db = t.app.store.db;
    await call(tokens.ict, "/ict/adoption/targets", {
      method: "PUT",
      body: { directorate: "Place", measure: "mobility", targetPercent: 80, due: addDays(today, 60) },
    });
    const people = await db.selectFrom("directory_user").select(["id", "user_principal_name"]).execute();
    const answers = [
      (await call(tokens.ict, "/ict/adoption")).text,
      (await call(tokens.ict, "/ict/adoption?period=week")).text,
      (await call(tokens.ict, "/ict/adoption.csv")).text,
      (await call(tokens.ict, "/ict/adoption/trend?directorate=Place")).text,
      (await call(tokens.ict, "/ict/adoption/trend.csv")).text,
      (await call(tokens.ict, "/ict/adoption/targets")).text,
      (await call(tokens.ict, "/ict/adoption/behind")).text,
    ].join("\n");
    for (const person of people) {
      expect(answers).not.toContain(person.id);
      expect(answers.toLowerCase()).not.toContain(person.user_principal_name.toLowerCase());
    }
  });

  it("says names are concealed, and which admin setting to change, when the reports hid them for the period", async () => {
    const db = t.app.store.db;
    const month = council.monthStarts.at(-1) ?? "";
    // As the roll-up leaves a concealed period: the council's row alone.
    await db.deleteFrom("adoption_group_period").where("start", "=", month).where("level", "!=", "council").execute();
    await db.updateTable("adoption_group_period").set({ concealed: true }).where("start", "=", month).execute();
    const { body } = await get<AdoptionOverview>(`/ict/adoption?period=month&start=${month}`);
    expect(body.concealment.concealed).toBe(true);
    expect(body.concealment.advice).toMatch(/Display concealed user, group, and site names in all reports/);
    expect(body.council?.staff).toBe(council.staff);
    expect(body.directorates).toEqual([]);
  });
});
