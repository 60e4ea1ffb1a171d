import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DevUser } from "../../bot/devchannel/driver";
import { adoptionTipWorker } from "../../server/adoptionTipWorker";
import { tabApiSession } from "../support/tabApiSession";
import { startCouncilApp, type TestApp } from "../support/testApp";
import { cardsIn as cardsInTranscript } from "../support/transcriptReading";

const size = { seed: 3, staff: 40, devices: 40 };
const dayMs = 86_400_000;

type Card = {
  type: string;
  version: string;
  body?: { type: string; text?: string }[];
  actions?: { type: string; title: string; verb?: string; url?: string; data?: Record<string, unknown> }[];
};
type InvokeBody = { statusCode: number; type: string; value: Card };
// biome-ignore lint/suspicious/noExplicitAny: JSON answers from the API under test
type Json = any;

const cardText = (card: Card | undefined) => JSON.stringify(card ?? {});

describe("adoption tips, from the tab through the outbox to a card staff can stop", () => {
  let t: TestApp;
  let clock: Date;
  let ictToken: string;
  let staffToken: string;
  let api: ReturnType<typeof tabApiSession>;
  let directorate: string;
  let team: DevUser[];

  beforeAll(async () => {
    const started = await startCouncilApp(
      size,
      { ADOPTION_TIP_GAP_DAYS: "14", ADOPTION_MIN_GROUP_SIZE: "5" },
      {
        now: (council) => {
          clock = new Date(`${council.today}T09:00:00Z`);
          return () => clock;
        },
      },
    );
    t = started.t;
    const ictPerson = started.enabled[0];
    const db = t.app.store.db;
    const largest = await db
      .selectFrom("directory_user")
      .select(["department", (eb) => eb.fn.countAll<string>().as("staff")])
      .where("account_enabled", "=", true)
      .where("removed_at", "is", null)
      .where("department", "is not", null)
      .groupBy("department")
      .orderBy("staff", "desc")
      .executeTakeFirstOrThrow();
    directorate = largest.department ?? "";
    const people = await db
      .selectFrom("directory_user")
      .select(["id", "display_name"])
      .where("account_enabled", "=", true)
      .where("removed_at", "is", null)
      .where("department", "=", directorate)
      .orderBy("display_name")
      .execute();
    team = people.map((p) => t.channel.driver.user(p.display_name, p.id));
    for (const person of team) await t.channel.driver.install(person);
    api = tabApiSession(t);
    ictToken = await signIn(ictPerson?.userPrincipalName ?? "");
    staffToken = await signIn(team[0]?.aadObjectId ?? "");
  });
  afterAll(async () => {
    await t?.stop();
    await api?.close();
  });

  const signIn = (loginHint: string) => api.signIn(loginHint);

  const call = (path: string, body?: unknown, token = ictToken) => api.call(token, path, body);
  const cardsOf = (user: DevUser) =>
    cardsInTranscript<Card>(t.channel.connector.transcript, t.channel.driver.personalConversationId(user));
  const tipCardsOf = (user: DevUser) =>
    cardsOf(user).filter((c) => c.card.actions?.some((a) => a.verb === "adoption.tip.stop"));
  const invoke = async (user: DevUser, verb: string, data: Record<string, unknown>) =>
    (await t.channel.driver.cardAction(user, { verb, data })).body as InvokeBody;
  const later = (days: number) => {
    clock = new Date(clock.getTime() + days * dayMs);
  };

  it("lets only ICT near tips, and refuses a request naming the catalogue's tips and audiences", async () => {
    expect((await call("/ict/adoption/tips", undefined, staffToken)).status).toBe(403);
    const catalogue = await call("/ict/adoption/tips");
    expect(catalogue.status).toBe(200);
    expect(catalogue.json.tips.map((tip: { id: string }) => tip.id)).toContain("email-to-chat");
    expect(catalogue.json.campaigns).toEqual([]);

    const bad = await call("/ict/adoption/tips", { tip: "fax-machines", audience: { kind: "everyone" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("invalid_input");
    expect(bad.json.error.message).toMatch(/tip: choose one of the tips in the catalogue \(email-to-chat, /);
    expect(bad.json.error.message).toMatch(/audience.kind: expects "directorate".*"inactive"/);
  });

  it("answers 409 when inactive people are asked for before any usage report has landed", async () => {
    const refused = await call("/ict/adoption/tips", { tip: "email-to-chat", audience: { kind: "inactive" } });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/no Teams usage data for the last 28 days/);
  });

  it("delivers the tip card to everyone in the directorate, with a link to the self-help article", async () => {
    const sent = await call("/ict/adoption/tips", {
      tip: "email-to-chat",
      audience: { kind: "directorate", directorate },
    });
    expect(sent.status).toBe(201);
    expect(sent.json).toMatchObject({
      tip: "email-to-chat",
      title: "Moving from email to Teams chat",
      audience: { kind: "directorate", directorate },
      recipients: team.length,
      skippedRecent: 0,
      skippedOptedOut: 0,
    });
    await t.app.outbox.settle();
    for (const person of team) {
      const [tip] = tipCardsOf(person);
      expect(tip?.card.version).toBe("1.5");
      expect(cardText(tip?.card)).toContain("Moving from email to Teams chat");
      expect(tip?.card.actions?.map((a) => a.type)).toEqual(["Action.OpenUrl", "Action.Execute"]);
      expect(tip?.card.actions?.[0]?.url).toMatch(/\/help\/digital-skills$/);
    }
    const listed = await call("/ict/adoption/tips");
    expect(listed.json.campaigns[0].delivery).toEqual({ sent: team.length, failed: 0, pending: 0 });
    expect(listed.json.campaigns[0].effect).toMatchObject({ after: null, afterMeasuredAt: null });
  });

  it("stops tips for whoever presses “Stop sending me tips”, in place, and can undo it", async () => {
    const [stopper, undoer] = team;
    if (!stopper || !undoer) throw new Error("the directorate needs two people");
    const stopped = await invoke(stopper, "adoption.tip.stop", { tip: "email-to-chat" });
    expect(stopped.statusCode).toBe(200);
    expect(cardText(stopped.value)).toMatch(/You won't get any more tips/);
    expect(stopped.value.actions?.map((a) => a.verb)).toEqual(["adoption.tip.resume"]);

    await invoke(undoer, "adoption.tip.stop", { tip: "email-to-chat" });
    const resumed = await invoke(undoer, "adoption.tip.resume", { tip: "email-to-chat" });
    expect(cardText(resumed.value)).toMatch(/You'll get tips again/);
    expect(resumed.value.actions?.map((a) => a.verb)).toEqual(["adoption.tip.stop"]);

    expect((await invoke(stopper, "adoption.tip.stop", { tip: 42 })).statusCode).toBe(400);
    const optOuts = await t.app.store.db.selectFrom("adoption_tip_opt_out").select("user_id").execute();
    expect(optOuts).toEqual([{ user_id: stopper.aadObjectId }]);
  });

  it("skips everyone for a second tip within the gap, and counts them", async () => {
    later(3);
    const second = await call("/ict/adoption/tips", {
      tip: "team-files",
      audience: { kind: "directorate", directorate },
    });
    expect(second.status).toBe(201);
    expect(second.json).toMatchObject({ recipients: 0, skippedRecent: team.length - 1, skippedOptedOut: 1 });
    await t.app.outbox.settle();
    for (const person of team) expect(tipCardsOf(person)).toHaveLength(1);
  });

  it("sends the next tip after the gap to everyone but the person who opted out", async () => {
    later(14);
    const [stopper, ...others] = team;
    const third = await call("/ict/adoption/tips", {
      tip: "team-files",
      audience: { kind: "directorate", directorate },
    });
    expect(third.json).toMatchObject({ recipients: team.length - 1, skippedRecent: 0, skippedOptedOut: 1 });
    await t.app.outbox.settle();
    expect(tipCardsOf(stopper as DevUser)).toHaveLength(1);
    for (const person of others) {
      expect(tipCardsOf(person)).toHaveLength(2);
      expect(cardText(tipCardsOf(person).at(-1)?.card)).toContain("Find your team's files in SharePoint");
    }
  });

  it("sends to people not active in Teams lately, once the usage reports say who they are", async () => {
    later(14);
    const db = t.app.store.db;
    const day = (back: number) => new Date(clock.getTime() - back * dayMs).toISOString().slice(0, 10);
    const [, active, quiet] = team;
    if (!active || !quiet) throw new Error("the directorate needs three people");
    await db
      .insertInto("adoption_person_day")
      .values([
        { day: day(2), person: active.aadObjectId, user_id: active.aadObjectId, reports: 1, teams_active: true },
        { day: day(2), person: quiet.aadObjectId, user_id: quiet.aadObjectId, reports: 1, teams_active: false },
      ])
      .execute();
    const sent = await call("/ict/adoption/tips", {
      tip: "teams-on-web",
      audience: { kind: "inactive", directorate },
    });
    expect(sent.status).toBe(201);
    expect(sent.json).toMatchObject({
      audience: { kind: "inactive", directorate, days: 28 },
      recipients: team.length - 2,
      skippedOptedOut: 1,
    });
    await t.app.outbox.settle();
    expect(tipCardsOf(active)).toHaveLength(2);
    expect(tipCardsOf(quiet)).toHaveLength(3);
    const teamsOnWeb = tipCardsOf(quiet).at(-1)?.card;
    expect(teamsOnWeb?.actions?.map((a) => a.type)).toEqual(["Action.Execute"]);
  });

  it("measures the first tip's effect in the daily job once the reports cover the 28 days after it", async () => {
    const db = t.app.store.db;
    const campaigns = async () => (await call("/ict/adoption/tips")).json.campaigns as Json[];
    const first = (await campaigns()).at(-1);
    const sentDay = String(first.createdAt).slice(0, 10);
    const plus = (days: number) =>
      new Date(Date.parse(`${sentDay}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
    const someone = team[3] ?? team[0];
    if (!someone) throw new Error("no staff");
    await db
      .insertInto("adoption_person_day")
      .values({ day: plus(20), person: someone.aadObjectId, user_id: someone.aadObjectId, teams_active: true })
      .execute();
    expect(team.length).toBeGreaterThanOrEqual(5); // ADOPTION_MIN_GROUP_SIZE here: the effect is shown
    const job = adoptionTipWorker({ db, log: t.app.requests.log, now: () => clock });
    await job.perform(new AbortController().signal);

    const measured = (await campaigns()).at(-1);
    expect(measured.effect.afterMeasuredAt).toBe(clock.toISOString());
    expect(measured.effect.after).toBe(Math.round(1000 / team.length) / 10);
    expect(measured.effect.before).toBeNull();
    expect((await campaigns()).slice(0, -1).every((c) => c.effect.afterMeasuredAt === null)).toBe(true);
  });
});
