import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DevUser } from "../../bot/devchannel/driver";
import { runPulseScheduler } from "../../bot/pulses/pulseSending";
import { tabApiSession } from "../support/tabApiSession";
import { startCouncilApp, type TestApp } from "../support/testApp";
import { cardsIn as cardsInTranscript } from "../support/transcriptReading";

const size = { seed: 1, staff: 40, devices: 40 };
const dayMs = 86_400_000;

type Card = {
  type: string;
  body?: { type: string; id?: string; text?: string; label?: string }[];
  actions?: { title: string; verb?: string; data?: Record<string, unknown> }[];
  refresh?: { action: { verb: string; data: Record<string, unknown> } };
};
type InvokeBody = { statusCode: number; type: string; value: Card };

const cardText = (card: Card | undefined) => JSON.stringify(card ?? {});

describe("satisfaction pulses, from authoring in the tab to answers in the card and results", () => {
  let t: TestApp;
  let clock: Date;
  let ictToken: string;
  let staffToken: string;
  let api: ReturnType<typeof tabApiSession>;
  let staff: DevUser[];
  let pulseId: number;
  let runId: number;

  beforeAll(async () => {
    const started = await startCouncilApp(
      size,
      {},
      {
        now: (council) => {
          clock = new Date(`${council.today}T09:00:00Z`);
          return () => clock;
        },
      },
    );
    t = started.t;
    const ictPerson = started.enabled[0];
    const people = await t.app.store.db
      .selectFrom("directory_user")
      .select(["id", "display_name"])
      .where("account_enabled", "=", true)
      .where("removed_at", "is", null)
      .where("id", "!=", ictPerson?.id ?? "")
      .orderBy("display_name")
      .limit(8)
      .execute();
    staff = people.map((p) => t.channel.driver.user(p.display_name, p.id));
    for (const person of staff) await t.channel.driver.install(person);
    api = tabApiSession(t);
    ictToken = await signIn(ictPerson?.userPrincipalName ?? "");
    staffToken = await signIn(staff[0]?.aadObjectId ?? "");
  });
  afterAll(async () => {
    await t?.stop();
    await api?.close();
  });

  const signIn = (loginHint: string) => api.signIn(loginHint);

  const call = (path: string, body?: unknown, token = ictToken) => api.call(token, path, body);
  const cardsOf = (user: DevUser) =>
    cardsInTranscript<Card>(t.channel.connector.transcript, t.channel.driver.personalConversationId(user));
  const invoke = async (user: DevUser, verb: string, data: Record<string, unknown>) =>
    (await t.channel.driver.cardAction(user, { verb, data })).body as InvokeBody;
  const schedule = () =>
    runPulseScheduler({ db: t.app.store.db, log: t.app.requests.log, outbox: t.app.outbox, now: () => clock });

  const draft = {
    title: "ICT services this quarter",
    ratingQuestion: "How satisfied are you with ICT services?",
    askRecommend: true,
    askComment: true,
    audience: { kind: "all" },
    schedule: { kind: "once", startsAt: "now" },
    openDays: 7,
    anonymous: true,
    threshold: 5,
    remindAfterDays: 3,
  };

  it("lets only ICT near pulses, and refuses a draft with a message naming the field", async () => {
    expect((await call("/ict/pulses", undefined, staffToken)).status).toBe(403);
    const bad = await call("/ict/pulses", { ...draft, threshold: 2, title: "" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("invalid_input");
    expect(bad.json.error.message).toMatch(/threshold/);
    expect(bad.json.error.message).toMatch(/title/);
  });

  it("previews the card staff will get, with the size of the audience", async () => {
    const preview = await call("/ict/pulses/preview", draft);
    expect(preview.status).toBe(200);
    expect(preview.json.audienceSize).toBeGreaterThanOrEqual(staff.length);
    const card = preview.json.card as Card;
    expect(card.body?.map((b) => b.id).filter(Boolean)).toEqual(["rating", "recommend", "comment"]);
    expect(card.actions?.map((a) => a.verb)).toEqual(["pulse.answer"]);
    expect(cardText(card)).toContain("How satisfied are you with ICT services?");
  });

  it("sends a pulse created in the tab to every member of staff through the outbox, as a card answered in place", async () => {
    const created = await call("/ict/pulses", draft);
    expect(created.status).toBe(201);
    expect(created.json.pulse).toMatchObject({ title: draft.title, status: "scheduled", threshold: 5, lastRun: null });
    pulseId = created.json.pulse.id;

    expect((await schedule()).started).toBe(1);
    await t.app.outbox.settle();
    for (const person of staff) {
      const card = cardsOf(person).at(-1)?.card;
      expect(card?.actions?.map((a) => a.verb)).toEqual(["pulse.answer"]);
      expect(card?.refresh?.action.verb).toBe("pulse.view");
      runId = Number(card?.actions?.[0]?.data?.runId);
    }
    const list = await call("/ict/pulses");
    expect(list.json.pulses[0]).toMatchObject({ id: pulseId, status: "open", lastRun: { id: runId, responded: 0 } });
  });

  it("thanks someone who answers, says so on the card, and refuses their second answer", async () => {
    const [first] = staff;
    if (!first) throw new Error("no staff");
    const thanked = await invoke(first, "pulse.answer", { runId, rating: "5", recommend: "9", comment: "Quick help" });
    expect(thanked.statusCode).toBe(200);
    expect(cardText(thanked.value)).toMatch(/Your answer to “ICT services this quarter” has been recorded/);
    expect(cardText(thanked.value)).toMatch(/anonymous/);
    expect(thanked.value.actions ?? []).toEqual([]);

    const again = await invoke(first, "pulse.answer", { runId, rating: "1" });
    expect(cardText(again.value)).toMatch(/already answered/);
    const refreshed = await invoke(first, "pulse.view", { runId });
    expect(cardText(refreshed.value)).toMatch(/already answered/);
    const answers = await t.app.store.db.selectFrom("pulse_answer").select(["rating", "aad_object_id"]).execute();
    expect(answers).toEqual([{ rating: 5, aad_object_id: null }]);
  });

  it("answers 400 to card data it cannot read, and records nothing", async () => {
    const [, second] = staff;
    if (!second) throw new Error("no staff");
    expect((await invoke(second, "pulse.answer", { runId, rating: "7" })).statusCode).toBe(400);
    expect((await invoke(second, "pulse.answer", { runId: "x", rating: "3" })).statusCode).toBe(400);
    expect(cardText((await invoke(second, "pulse.view", { runId })).value)).toContain("pulse.answer");
  });

  it("reminds only those who have not answered", async () => {
    for (const [i, person] of staff.slice(1, 6).entries()) {
      const response = await invoke(person, "pulse.answer", { runId, rating: String((i % 5) + 1), recommend: "" });
      expect(cardText(response.value)).toMatch(/has been recorded/);
    }
    const before = staff.map((p) => cardsOf(p).length);
    const reminded = await call(`/ict/pulses/${pulseId}/remind`, {});
    expect(reminded.status).toBe(200);
    expect(reminded.json.queued).toBeGreaterThanOrEqual(2);
    await t.app.outbox.settle();
    const after = staff.map((p) => cardsOf(p).length);
    expect(after.map((n, i) => n - (before[i] ?? 0))).toEqual([0, 0, 0, 0, 0, 0, 1, 1]);
    expect(cardText(cardsOf(staff[7] as DevUser).at(-1)?.card)).toMatch(/A reminder/);
  });

  it("gives ICT the results with the threshold applied, hiding comments under ten answers", async () => {
    const result = await call(`/ict/pulses/${pulseId}`);
    expect(result.status).toBe(200);
    const [run] = result.json.runs;
    expect(run).toMatchObject({ id: runId, open: true, responded: 6, shown: true, comments: { shown: false } });
    expect(run.distribution.reduce((a: number, b: number) => a + b, 0)).toBe(6);
    const groups = run.byDirectorate as { responded: number | null; suppressed: boolean }[];
    for (const group of groups) {
      if (!group.suppressed) expect(group.responded).toBeGreaterThanOrEqual(5);
    }
    const hidden = groups.filter((g) => g.suppressed).length;
    expect(hidden === 0 || hidden >= 2 || groups.length === 1).toBe(true);
    expect(result.json.trend).toHaveLength(1);
    expect(result.json.draft).toMatchObject({ title: draft.title, anonymous: true });
    expect(result.json.afterTicket).toMatchObject({ periodDays: 90 });
    expect((await call("/ict/pulses/999999")).status).toBe(404);
  });

  it("sends 'you said, we did' to the people who responded, and no one else", async () => {
    const before = staff.map((p) => cardsOf(p).length);
    const published = await call(`/ict/pulses/${pulseId}/actions`, {
      youSaid: "Getting help took too long",
      weDid: "We added two people to the service desk at peak times",
    });
    expect(published.status).toBe(201);
    expect(published.json.action).toMatchObject({ recipients: 6, youSaid: "Getting help took too long" });
    await t.app.outbox.settle();
    const after = staff.map((p) => cardsOf(p).length);
    expect(after.map((n, i) => n - (before[i] ?? 0))).toEqual([1, 1, 1, 1, 1, 1, 0, 0]);
    expect(cardText(cardsOf(staff[0] as DevUser).at(-1)?.card)).toMatch(/You said, we did/);

    const delivery = await call(`/ict/pulses/${pulseId}/delivery`);
    expect(delivery.json.runs).toHaveLength(1);
    expect(delivery.json.runs[0].report.byState.sent).toBeGreaterThanOrEqual(staff.length + 2 + 6);
    const csv = await fetch(`${t.app.url}/api/tab/ict/pulses/${pulseId}/delivery.csv`, {
      headers: { authorization: `Bearer ${ictToken}` },
    });
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    expect(await csv.text()).toContain(`pulse:${pulseId}:run:1`);
  });

  it("says the pulse has closed once its days are up, to a late answer and to a card opened later", async () => {
    clock = new Date(clock.getTime() + 7 * dayMs);
    expect((await schedule()).closed).toBe(1);
    const late = staff[7] as DevUser;
    expect(cardText((await invoke(late, "pulse.answer", { runId, rating: "4" })).value)).toMatch(/has closed/);
    expect(cardText((await invoke(late, "pulse.view", { runId })).value)).toMatch(/has closed/);
    const cancelled = await call(`/ict/pulses/${pulseId}/cancel`, {});
    expect(cancelled.json.pulse.status).toBe("cancelled");
    expect((await call(`/ict/pulses/${pulseId}/remind`, {})).status).toBe(409);
  });
});
