import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DevConnector } from "../../bot/devchannel/connector";
import { DEV_TEAMS_APP_ID } from "../../core/config";
import { t as message } from "../../core/messages/catalogue";
import { cancelMessages, deliveryCsv, deliveryReport } from "../../core/outbox/outbox";
import { catalogIdFor } from "../../graph/devtenant/graphApi/teamsApps";
import { runSync } from "../../graph/sync/runSync";
import { usersSync } from "../../graph/sync/usersSync";
import { startTestApp, type TestApp } from "../support/testApp";
import { textsIn } from "../support/transcriptReading";

describe("the outbox, delivering proactive messages through the dev channel", () => {
  let t: TestApp;
  let staff: { id: string; name: string; licensed: boolean; enabled: boolean }[];

  beforeAll(async () => {
    t = await startTestApp({ DEV_TENANT_STAFF: "80" });
    expect((await runSync(t.app.syncDeps, usersSync)).status).toBe("succeeded");
    // Someone has spoken to the bot, so the app knows Teams' address for the chats it opens.
    await t.channel.driver.install(t.channel.driver.user("First Person"));
    staff = [...(t.app.graph.devTenant?.council.users.values() ?? [])].map((u) => ({
      id: u.id,
      name: u.displayName,
      licensed: u.isLicensed,
      enabled: u.accountEnabled,
    }));
  });
  afterAll(() => t.stop());

  const reachable = () => staff.filter((s) => s.licensed && s.enabled);
  const chatOf = (aadObjectId: string) => DevConnector.personalConversationId(`29:dev-${aadObjectId}`);
  const transcript = () => t.channel.connector.transcript;

  it("sends to a person's chat, and for someone with no chat installs the app through Graph and opens one first", async () => {
    const [withChat, withoutChat] = reachable();
    if (!withChat || !withoutChat) throw new Error("the council has too few licensed staff");
    await t.channel.driver.install(t.channel.driver.user(withChat.name, withChat.id));

    await t.app.outbox.post({
      key: "test:hello",
      purpose: "test",
      activity: { text: "Hello from ICT" },
      recipients: [{ aadObjectId: withChat.id }, { aadObjectId: withoutChat.id }],
    });
    await t.app.outbox.settle();

    expect(textsIn(transcript(), chatOf(withChat.id))).toEqual(["Hello from ICT"]);
    expect(textsIn(transcript(), chatOf(withoutChat.id))).toEqual(["Hello from ICT"]);
    const installed = t.app.graph.devTenant?.council.installedApps.get(withoutChat.id);
    // Installed by the org catalogue's id for the app, which Graph was asked for, not by the manifest id.
    expect([...(installed ?? [])]).toEqual([catalogIdFor(DEV_TEAMS_APP_ID)]);
    expect(
      transcript()
        .all()
        .filter((e) => e.kind === "createConversation" && e.conversationId === chatOf(withoutChat.id)),
    ).toHaveLength(1);
    const report = await deliveryReport(t.app.store.db, ["test:hello"]);
    expect(report.byState.sent).toBe(2);
    expect(report.problems).toEqual([]);
  });

  it("adds nothing when the same message is posted again, so a retried broadcast reaches no one twice", async () => {
    const [person] = reachable();
    if (!person) throw new Error("no staff");
    const post = () =>
      t.app.outbox.post({
        key: "test:once",
        purpose: "test",
        activity: { text: "Only once" },
        recipients: [{ aadObjectId: person.id }],
      });
    expect((await post()).added).toBe(1);
    expect((await post()).added).toBe(0);
    await t.app.outbox.settle();
    expect(textsIn(transcript(), chatOf(person.id)).filter((text) => text === "Only once")).toHaveLength(1);
  });

  it("records who cannot be reached and why: no Teams licence, or not in the directory", async () => {
    const unlicensed = staff.find((s) => !s.licensed && s.enabled);
    if (!unlicensed) throw new Error("the council has no unlicensed staff");
    const stranger = "0f0f0f0f-0000-4000-8000-000000000000";
    await t.app.outbox.post({
      key: "test:unreachable",
      purpose: "test",
      activity: { text: "Can you see this?" },
      recipients: [{ aadObjectId: unlicensed.id }, { aadObjectId: stranger }],
    });
    await t.app.outbox.settle();

    const report = await deliveryReport(t.app.store.db, ["test:unreachable"]);
    expect(report.byState).toMatchObject({ sent: 0, unreachable: 2 });
    expect(report.problems.map((p) => [p.aadObjectId, p.name, p.reason])).toEqual(
      expect.arrayContaining([
        [unlicensed.id, unlicensed.name, message("outbox.reason.no-teams")],
        [stranger, null, message("outbox.reason.not-in-directory")],
      ]),
    );
    expect(textsIn(transcript(), chatOf(unlicensed.id))).toEqual([]);
    const csv = await deliveryCsv(t.app.store.db, ["test:unreachable"]);
    expect(csv).toContain(unlicensed.name);
    expect(csv).toContain(message("outbox.reason.no-teams"));
  });

  it("stops deliveries not yet sent when the message is cancelled", async () => {
    const people = reachable().slice(2, 12);
    await t.app.outbox.post({
      key: "test:cancelled",
      purpose: "test",
      activity: { text: "Never mind" },
      recipients: people.map((p) => ({ aadObjectId: p.id })),
    });
    expect(await cancelMessages(t.app.store.db, ["test:cancelled"])).toBe(people.length);
    await t.app.outbox.settle();
    expect(
      transcript()
        .delivered()
        .filter((e) => e.body.text === "Never mind"),
    ).toEqual([]);
    expect((await deliveryReport(t.app.store.db, ["test:cancelled"])).byState.cancelled).toBe(people.length);
  });

  it("delivers exactly one message to each person through a storm of 429s, honouring Retry-After", async () => {
    const people = reachable().slice(12, 42);
    t.channel.connector.startStorm({ forMs: 2_500, every: 2, retryAfterSeconds: 1 });
    const before = transcript().throttled().length;
    await t.app.outbox.post({
      key: "test:storm",
      purpose: "test",
      activity: { text: "Through the storm" },
      recipients: people.map((p) => ({ aadObjectId: p.id })),
    });
    await t.app.outbox.settle();

    expect(transcript().throttled().length).toBeGreaterThan(before);
    for (const person of people) {
      expect(textsIn(transcript(), chatOf(person.id)).filter((text) => text === "Through the storm")).toHaveLength(1);
    }
    expect((await deliveryReport(t.app.store.db, ["test:storm"])).byState.sent).toBe(people.length);
  });

  it("sends a notice someone is waiting on at once, and says where it went", async () => {
    const [person] = reachable();
    if (!person) throw new Error("no staff");
    const [outcome] = await t.app.outbox.deliver({
      key: "test:notice",
      purpose: "test",
      activity: { text: "Your request is approved" },
      recipients: [{ aadObjectId: person.id }],
    });
    expect(outcome).toMatchObject({ state: "sent", conversationId: chatOf(person.id) });
    expect(transcript().delivered(chatOf(person.id)).at(-1)?.activityId).toBe(outcome?.activityId);
  });
});
