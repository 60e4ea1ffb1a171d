import express from "express";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DevConnector } from "../../../bot/devchannel/connector";
import { type Listening, listen } from "../../../server/listen";

/** A connector on a port, with a clock the test moves. */
let clock = 0;
let connector: DevConnector;
let http: Listening;

beforeEach(async () => {
  clock = 1_000_000;
  connector = new DevConnector({ now: () => clock });
  const app = express();
  app.use(connector.routes());
  http = await listen(app, 0, "127.0.0.1");
});
afterEach(() => http.close(100));

const send = (conversationId: string, from = "28:bot") =>
  fetch(`${http.url}/v3/conversations/${encodeURIComponent(conversationId)}/activities`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ type: "message", text: "hi", from: { id: from } }),
  });

async function sendMany(conversationId: string, count: number) {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await send(conversationId)).status);
  return statuses;
}

describe("the dev channel's Teams rate limits", () => {
  it("accepts 7 messages in a second to one conversation and answers the 8th 429 with Retry-After", async () => {
    connector.openConversation("a:one");
    expect(await sendMany("a:one", 7)).toEqual(Array(7).fill(201));
    const eighth = await send("a:one");
    expect(eighth.status).toBe(429);
    expect(Number(eighth.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(connector.transcript.throttled()).toHaveLength(1);
  });

  it("allows only 8 in any 2 seconds even when spread over two seconds", async () => {
    connector.openConversation("a:two");
    expect(await sendMany("a:two", 7)).toEqual(Array(7).fill(201));
    clock += 1_100;
    expect((await send("a:two")).status).toBe(201);
    expect((await send("a:two")).status).toBe(429);
    clock += 1_000;
    expect((await send("a:two")).status).toBe(201);
  });

  it("allows 60 in 30 seconds and then throttles until the window moves on", async () => {
    connector.openConversation("a:three");
    let accepted = 0;
    for (let second = 0; second < 30; second++) {
      for (const status of await sendMany("a:three", 3)) if (status === 201) accepted++;
      clock += 1_000;
    }
    expect(accepted).toBe(60);
    clock += 30_000;
    expect((await send("a:three")).status).toBe(201);
  });

  it("allows 1,800 in an hour to one conversation, even at a pace every shorter window allows", async () => {
    connector.openConversation("a:hour");
    let accepted = 0;
    // Two a second is exactly 60 per 30 s: only the hourly cap can stop this.
    for (let second = 0; second < 901; second++) {
      for (const status of await sendMany("a:hour", 2)) if (status === 201) accepted++;
      clock += 1_000;
    }
    expect(accepted).toBe(1_800);
    const refused = await send("a:hour");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(2_000);
  }, 120_000);

  it("allows 50 per second per app across conversations", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 51; i++) {
      const id = `a:user-${i}`;
      connector.openConversation(id);
      statuses.push((await send(id)).status);
    }
    expect(statuses.slice(0, 50)).toEqual(Array(50).fill(201));
    expect(statuses[50]).toBe(429);
    clock += 1_000;
    expect((await send("a:user-0")).status).toBe(201);
  });

  it("does not count a refused request against the limits", async () => {
    connector.openConversation("a:refused");
    await sendMany("a:refused", 7);
    await sendMany("a:refused", 5);
    clock += 1_001;
    // 7 accepted in the last 2 s: exactly one more fits the 8-per-2-s window.
    expect(await sendMany("a:refused", 2)).toEqual([201, 429]);
  });
});

describe("the dev channel's conversations", () => {
  it("creates one stable 1:1 conversation per user", async () => {
    const create = () =>
      fetch(`${http.url}/v3/conversations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ bot: { id: "28:bot" }, members: [{ id: "29:alice" }], isGroup: false, tenantId: "t" }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { id: string } }));
    const first = await create();
    const second = await create();
    expect(first.status).toBe(201);
    expect(first.body.id).toBe(DevConnector.personalConversationId("29:alice"));
    expect(second.body.id).toBe(first.body.id);
    expect((await send(first.body.id)).status).toBe(201);
  });

  it("answers 404 for a conversation Teams does not know", async () => {
    const response = await send("a:nobody");
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("ConversationNotFound");
  });

  it("answers 403 once the user has removed the bot", async () => {
    connector.openConversation("a:gone");
    connector.removeBot("a:gone");
    const response = await send("a:gone");
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("BotNotInConversationRoster");
  });

  it("updates a sent activity in place and refuses to update one it never sent", async () => {
    connector.openConversation("a:upd");
    const { id } = (await (await send("a:upd")).json()) as { id: string };
    const put = (activityId: string) =>
      fetch(`${http.url}/v3/conversations/a:upd/activities/${activityId}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type: "message", text: "changed" }),
      });
    expect((await put(id)).status).toBe(200);
    expect((await put("1:999")).status).toBe(404);
    const updates = connector.transcript.delivered("a:upd").filter((e) => e.kind === "update");
    expect(updates).toEqual([
      expect.objectContaining({ activityId: id, body: expect.objectContaining({ text: "changed" }) }),
    ]);
  });
});
