import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPersonalConversation } from "../../core/conversations/conversationRepository";
import { startTestApp, type TestApp } from "../support/testApp";

describe("POST /api/messages with the dev channel as Teams", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it("records the bot's reply to a message in the dev channel's transcript", async () => {
    const { driver, connector } = t.channel;
    const user = driver.user("Priya Shah");
    const response = await driver.message(user, "my laptop won't start");

    expect(response.status).toBe(200);
    const delivered = connector.transcript.delivered(driver.personalConversationId(user));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.kind).toBe("reply");
    expect(delivered[0]?.body.type).toBe("message");
    expect(delivered[0]?.body.attachments).toEqual([
      expect.objectContaining({ contentType: "application/vnd.microsoft.card.adaptive" }),
    ]);
  });

  it("keeps the conversation reference and the sender's Entra object id on every message", async () => {
    const { driver, serviceUrl } = t.channel;
    const user = driver.user("Tom Evans");
    await driver.message(user, "hello");

    const conversation = await findPersonalConversation(t.app.store.db, user.aadObjectId);
    expect(conversation?.id).toBe(driver.personalConversationId(user));
    expect(conversation?.service_url).toBe(serviceUrl);
    expect(conversation?.reference).toMatchObject({
      channelId: "msteams",
      serviceUrl,
      conversation: { id: driver.personalConversationId(user), tenantId: driver.tenantId },
      user: { id: user.id, aadObjectId: user.aadObjectId },
    });
  });

  it("welcomes once on install although Teams sends two install events", async () => {
    const { driver, connector } = t.channel;
    const user = driver.user("Gwen Morgan");
    const responses = await driver.install(user);

    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const delivered = connector.transcript.delivered(driver.personalConversationId(user));
    expect(delivered).toHaveLength(1);
    const attachments = delivered[0]?.body.attachments as { contentType: string; content: object }[] | undefined;
    const attachment = attachments?.[0];
    expect(attachment?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(JSON.stringify(attachment?.content)).toContain("Welcome to ICT Hub, Gwen");
  });

  it("welcomes again after the app is removed and added back", async () => {
    const { driver, connector } = t.channel;
    const user = driver.user("Owen Price");
    await driver.install(user);
    await driver.uninstall(user);
    expect(await findPersonalConversation(t.app.store.db, user.aadObjectId)).toBeUndefined();

    await driver.install(user);
    const welcomes = connector.transcript
      .delivered(driver.personalConversationId(user))
      .filter((e) => Array.isArray(e.body.attachments));
    expect(welcomes).toHaveLength(2);
    expect(await findPersonalConversation(t.app.store.db, user.aadObjectId)).toBeDefined();
  });

  it("answers 400 and sends nothing when the activity's serviceUrl is not on this machine", async () => {
    const { driver, connector } = t.channel;
    const before = connector.transcript.all().length;
    const user = driver.user("Eve Attacker");
    const response = await driver.send({
      type: "message",
      text: "hi",
      channelId: "msteams",
      serviceUrl: "https://smba.example.net/emea/",
      from: { id: user.id, aadObjectId: user.aadObjectId },
      recipient: { id: driver.botId },
      conversation: { id: driver.personalConversationId(user) },
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain("serviceUrl");
    expect(connector.transcript.all().length).toBe(before);
  });

  it.each([
    ["an empty body", ""],
    ["invalid JSON", "{"],
    ["an empty object", "{}"],
    ["an activity with no type", JSON.stringify({ channelId: "msteams", serviceUrl: "http://127.0.0.1:1/" })],
    ["a serviceUrl that is not a string", JSON.stringify({ type: "message", serviceUrl: 42 })],
    ["a JSON array", "[]"],
  ])("answers 400, not 500, to %s and keeps serving", async (_label, body) => {
    const response = await fetch(`${t.app.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toMatch(/invalid_(activity|json)/);
    expect((await fetch(`${t.app.url}/healthz`)).status).toBe(200);
  });

  it("answers 400 to a body that is not JSON", async () => {
    const response = await fetch(`${t.app.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "hello bot",
    });
    expect(response.status).toBe(400);
  });
});

describe("Adaptive Card actions", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it("answers a press on a button it does not know with a message, not an error", async () => {
    const { driver } = t.channel;
    const user = driver.user("Rhys Jones");
    const response = await driver.cardAction(user, { verb: "retired.verb", data: { id: 1 } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      statusCode: 200,
      type: "application/vnd.microsoft.activity.message",
      value: expect.stringContaining("no longer does anything"),
    });
  });
});

describe("bot authentication", () => {
  it("is on when a bot id is configured: an activity with no token gets 401 and no reply", async () => {
    const t = await startTestApp({
      TENANT_ID: "11111111-1111-1111-1111-111111111111",
      CLIENT_ID: "33333333-3333-3333-3333-333333333333",
      CLIENT_SECRET: "bot-secret",
      HOST: "127.0.0.1",
    });
    try {
      const { driver, connector } = t.channel;
      const response = await driver.message(driver.user("No Token"), "hello");
      expect(response.status).toBe(401);
      expect(connector.transcript.all()).toEqual([]);
    } finally {
      await t.stop();
    }
  });
});
