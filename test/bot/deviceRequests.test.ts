import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DevUser } from "../../bot/devchannel/driver";
import { chaseApprovals } from "../../bot/requests/chaseApprovals";
import { auditOf } from "../../core/requests/requestAudit";
import { devicesSync } from "../../graph/sync/devicesSync";
import { runSync } from "../../graph/sync/runSync";
import { usersSync } from "../../graph/sync/usersSync";
import { startTestApp, type TestApp } from "../support/testApp";
import { cardsIn as cardsInTranscript, textsIn as textsInTranscript } from "../support/transcriptReading";

const deskChannel = "19:servicedesk@thread.tacv2";
const dayMs = 86_400_000;

type Card = {
  body?: { type: string; text?: string; id?: string; facts?: { title: string; value: string }[] }[];
  actions?: { title: string; verb?: string; data?: Record<string, unknown> }[];
  refresh?: { action: { verb: string; data: Record<string, unknown> }; userIds: string[] };
};
type InvokeBody = { statusCode: number; type: string; value: Card };

const cardText = (card: Card | undefined) => JSON.stringify(card ?? {});
const actionTitles = (card: Card | undefined) => (card?.actions ?? []).map((a) => a.title);

describe("device requests, approved by the manager from a card", () => {
  let t: TestApp;
  let clock = new Date();
  let requester: DevUser;
  let manager: DevUser;
  let managersManager: { aadObjectId: string; name: string };
  let colleague: DevUser;

  beforeAll(async () => {
    t = await startTestApp(
      { SERVICE_DESK_CHANNEL_ID: deskChannel, DEV_TENANT_STAFF: "60", DEV_TENANT_DEVICES: "80" },
      { now: () => clock },
    );
    for (const job of [usersSync, devicesSync]) {
      expect((await runSync(t.app.syncDeps, job)).status).toBe("succeeded");
    }
    t.channel.connector.openConversation(deskChannel);
    // Someone with a device, a manager, and a manager's manager, as Graph says.
    const chain = await t.app.store.db
      .selectFrom("directory_user as staff")
      .innerJoin("directory_user as boss", "boss.id", "staff.manager_id")
      .innerJoin("directory_user as grand", "grand.id", "boss.manager_id")
      .innerJoin("managed_device", "managed_device.user_id", "staff.id")
      .select([
        "staff.id as staffId",
        "staff.display_name as staffName",
        "boss.id as bossId",
        "boss.display_name as bossName",
        "grand.id as grandId",
        "grand.display_name as grandName",
      ])
      .where("managed_device.removed_at", "is", null)
      .orderBy("staff.display_name")
      .executeTakeFirstOrThrow();
    requester = t.channel.driver.user(chain.staffName, chain.staffId);
    manager = t.channel.driver.user(chain.bossName, chain.bossId);
    managersManager = { aadObjectId: chain.grandId, name: chain.grandName };
    colleague = t.channel.driver.user("Casey Colleague");
    for (const person of [requester, manager, colleague]) await t.channel.driver.install(person);
  });
  afterAll(() => t.stop());

  const cardsIn = (conversationId: string) => cardsInTranscript<Card>(t.channel.connector.transcript, conversationId);
  const textsIn = (conversationId: string) => textsInTranscript(t.channel.connector.transcript, conversationId);
  const chatOf = (user: DevUser) => t.channel.driver.personalConversationId(user);
  const invoke = async (user: DevUser, verb: string, data: Record<string, unknown>, replyToId?: string) =>
    ((await t.channel.driver.cardAction(user, { verb, data }, replyToId)).body as InvokeBody).value;

  async function submitRequest(reason: string) {
    await t.channel.driver.message(requester, "I need a new laptop");
    const form = cardsIn(chatOf(requester)).at(-1);
    expect(cardText(form?.card)).toContain("Request a device");
    const justification = form?.card.body?.some((b) => b.id === "justification")
      ? { justification: "My battery lasts an hour" }
      : {};
    const card = await invoke(
      requester,
      "request.submit",
      { kind: "standard-laptop", reason, urgency: "normal", ...justification },
      form?.activityId,
    );
    const requestId = Number(card.actions?.find((a) => a.verb === "request.cancel")?.data?.requestId);
    return { card, requestId, formActivityId: form?.activityId };
  }

  it("takes a request from the bot to the manager, who approves it, then ICT through fulfilment, telling the requester at each step", async () => {
    const { card, requestId, formActivityId } = await submitRequest("The screen has cracked");
    expect(cardText(card)).toMatch(
      new RegExp(`DR-\\d{6}: Standard laptop[\\s\\S]*has gone to ${manager.name} for approval`),
    );
    expect(actionTitles(card)).toEqual(["Cancel request"]);
    expect(card.refresh).toMatchObject({ action: { verb: "request.view" }, userIds: [requester.id] });

    const approval = cardsIn(chatOf(manager)).at(-1);
    expect(textsIn(chatOf(manager)).at(-1)).toMatch(new RegExp(`${requester.name} has asked for a device`));
    expect(actionTitles(approval?.card)).toEqual(["Approve", "Reject"]);
    expect(cardText(approval?.card)).toMatch(/Current devices/);

    const approved = await invoke(
      manager,
      "request.approve",
      { requestId, comment: "Of course" },
      approval?.activityId,
    );
    expect(cardText(approved)).toContain(`Approved by ${manager.name}`);
    expect(actionTitles(approved)).toEqual([]);
    expect(textsIn(chatOf(requester)).at(-1)).toMatch(new RegExp(`was approved by ${manager.name}. “Of course”`));
    const requesterCard = cardsIn(chatOf(requester)).at(-1);
    expect(requesterCard).toMatchObject({ kind: "update", activityId: formActivityId });
    expect(actionTitles(requesterCard?.card)).toEqual([]);

    for (const [step, said] of [
      ["ordered", "ordered"],
      ["ready", "ready for collection"],
      ["deployed", "deployed"],
      ["closed", "complete \\(old device returned\\)"],
    ] as const) {
      const desk = cardsIn(deskChannel).at(-1);
      const next = desk?.card.actions?.[0];
      expect(next?.data).toEqual({ requestId, to: step });
      const moved = (
        await t.channel.driver.channelCardAction(
          colleague,
          deskChannel,
          { verb: "request.fulfil", data: next?.data ?? {} },
          desk?.activityId,
        )
      ).body as InvokeBody;
      expect(moved.value.body?.find((b) => b.type === "FactSet")?.facts).toContainEqual({
        title: "Status",
        value: expect.stringMatching(new RegExp(said)),
      });
      expect(textsIn(chatOf(requester)).at(-1)).toMatch(new RegExp(`is now ${said}`));
    }
    expect(actionTitles(cardsIn(deskChannel).at(-1)?.card)).toEqual([]);

    const trail = await auditOf(t.app.store.db, requestId);
    expect(trail.map((a) => [a.action, a.via])).toEqual([
      ["submitted", "requester-card"],
      ["approved", "approver-card"],
      ["ordered", "desk-card"],
      ["ready", "desk-card"],
      ["deployed", "desk-card"],
      ["closed", "desk-card"],
    ]);
  });

  it("lists the person's requests and their states when they ask how things are going", async () => {
    await t.channel.driver.message(requester, "what's happening with my tickets?");
    const list = cardsIn(chatOf(requester)).at(-1);
    expect(cardText(list?.card)).toMatch(
      /Your device requests[\s\S]*DR-\d{6}[\s\S]*Standard laptop: complete \(old device returned\)/,
    );
  });

  it("shows anyone but the approver a read-only card that says who decides", async () => {
    const { requestId } = await submitRequest("Keyboard keys missing");
    const refused = await invoke(colleague, "request.approve", { requestId });
    expect(actionTitles(refused)).toEqual([]);
    expect(cardText(refused)).toContain(`${manager.name} decides this request.`);
    expect(
      (
        await t.app.store.db
          .selectFrom("device_request")
          .select("status")
          .where("id", "=", requestId)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe("pending");

    await t.channel.driver.message(requester, "I need a new laptop");
    const form = cardsIn(chatOf(requester)).at(-1);
    expect(cardText(form?.card)).toMatch(
      new RegExp(
        `Your requests in progress[\\s\\S]*DR-0*${requestId}[\\s\\S]*has gone to ${manager.name} for approval`,
      ),
    );
  });

  it("gives exactly one decision, and the same final card, when a hundred presses arrive at once", async () => {
    const { requestId } = await submitRequest("Fan is very loud");
    const before = textsIn(chatOf(requester)).length;
    const cards = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        invoke(manager, i % 2 ? "request.approve" : "request.reject", { requestId, comment: "Decided" }),
      ),
    );
    const finals = new Set(cards.map((card) => cardText({ body: card.body, actions: card.actions })));
    expect(finals.size).toBe(1);
    const decisions = (await auditOf(t.app.store.db, requestId)).filter(
      (a) => a.action === "approved" || a.action === "rejected",
    );
    expect(decisions).toHaveLength(1);
    expect(textsIn(chatOf(requester)).length - before).toBe(1);
  });

  it("refuses a cancel after the decision with a clear message, and allows one before", async () => {
    const first = await submitRequest("Second screen for accessibility");
    const cancelled = await invoke(requester, "request.cancel", { requestId: first.requestId });
    expect(cardText(cancelled)).toMatch(/Cancelled/);

    const second = await submitRequest("Laptop will not charge");
    await invoke(manager, "request.reject", {
      requestId: second.requestId,
      comment: "It is under warranty: the desk will repair it",
    });
    expect(textsIn(chatOf(requester)).at(-1)).toMatch(/was rejected by .*: It is under warranty/);
    const refused = await invoke(requester, "request.cancel", { requestId: second.requestId });
    expect(cardText(refused)).toContain("already been decided (rejected), so it can't be cancelled");
  });

  it("asks for a reason before a rejection, keeping the request pending", async () => {
    const { requestId } = await submitRequest("Trackpad sticks");
    const card = await invoke(manager, "request.reject", { requestId, comment: "  " });
    expect(cardText(card)).toContain("Please give a reason when you reject a request");
    expect(actionTitles(card)).toEqual(["Approve", "Reject"]);
  });

  it("reminds the manager after two working days, then escalates to their manager after five", async () => {
    const { requestId } = await submitRequest("Webcam broken");
    const start = Date.now();
    clock = new Date(start + 4 * dayMs);
    expect(await chaseApprovals(t.app.requests)).toBeGreaterThanOrEqual(1);
    expect(textsIn(chatOf(manager)).at(-1)).toMatch(/Reminder: .* is waiting for your decision/);

    clock = new Date(start + 7 * dayMs);
    await chaseApprovals(t.app.requests);
    const request = await t.app.store.db
      .selectFrom("device_request")
      .selectAll()
      .where("id", "=", requestId)
      .executeTakeFirstOrThrow();
    expect(request.approvers).toEqual([managersManager]);
    expect(textsIn(chatOf(requester)).at(-1)).toMatch(new RegExp(`has gone to ${managersManager.name} to decide`));
    // The first manager's card no longer offers a decision.
    const stale = cardsIn(chatOf(manager))
      .filter((c) => c.card.refresh?.action.data.requestId === requestId)
      .at(-1);
    expect(stale?.kind).toBe("update");
    expect(actionTitles(stale?.card)).toEqual([]);

    // The manager's manager had no chat with the app: it was installed for them through Graph and the card is there.
    expect(t.app.graph.devTenant?.council.installedApps.get(managersManager.aadObjectId)?.size).toBe(1);
    const grand = t.channel.driver.user(managersManager.name, managersManager.aadObjectId);
    const delivered = cardsIn(chatOf(grand))
      .filter((c) => c.card.refresh?.action.data.requestId === requestId)
      .at(-1);
    expect(actionTitles(delivered?.card)).toEqual(["Approve", "Reject"]);
    const approved = await invoke(grand, "request.approve", { requestId }, delivered?.activityId);
    expect(cardText(approved)).toContain(`Approved by ${managersManager.name}`);
    clock = new Date();
  });
});
