import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createGraphClient } from "../../../graph/client/createGraphClient";
import { Pacer } from "../../../graph/client/pacer";
import type { RetryPolicy } from "../../../graph/client/retryMiddleware";
import { type Listening, listen } from "../../../server/listen";

/** A server that answers each request with the next scripted reply. */
async function scriptedServer(replies: ((res: ServerResponse) => void)[]) {
  let served = 0;
  const http = await listen(
    (_req, res) => {
      const reply = replies[Math.min(served, replies.length - 1)];
      served++;
      reply?.(res);
    },
    0,
    "127.0.0.1",
  );
  return { http, served: () => served };
}

const throttle = (retryAfter?: string) => (res: ServerResponse) => {
  res.writeHead(429, { "content-type": "application/json", ...(retryAfter ? { "retry-after": retryAfter } : {}) });
  res.end(JSON.stringify({ error: { code: "TooManyRequests", message: "Too many requests" } }));
};
const ok = (res: ServerResponse) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ value: [{ id: "1" }] }));
};
const badRequest = (res: ServerResponse) => {
  res.writeHead(400, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: { code: "BadRequest", message: "no" } }));
};

let server: Listening | undefined;
afterEach(() => server?.close(100));

function clientFor(url: string, policy: Partial<RetryPolicy>, waits: number[]) {
  return createGraphClient({
    connection: {
      authority: "https://login.example/t",
      tenantId: "t",
      clientId: "c",
      credential: { kind: "secret", secret: "s" },
      graphBaseUrl: url,
    },
    tokens: { graphToken: async () => "token" },
    fetch: globalThis.fetch,
    retry: {
      maxAttempts: 5,
      baseDelayMs: 100,
      maxDelayMs: 10_000,
      budgetMs: 60_000,
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
      ...policy,
    },
  });
}

describe("retrying Graph requests", () => {
  it("waits as long as Retry-After says and then succeeds", async () => {
    const s = await scriptedServer([throttle("2"), throttle("1"), ok]);
    server = s.http;
    const waits: number[] = [];
    const body = await clientFor(s.http.url, {}, waits).api("/users").get();
    expect(body.value).toEqual([{ id: "1" }]);
    expect(waits).toEqual([2000, 1000]);
    expect(s.served()).toBe(3);
  });

  it("backs off exponentially with jitter when Graph gives no Retry-After, capped", async () => {
    const s = await scriptedServer([throttle(), throttle(), throttle(), throttle(), ok]);
    server = s.http;
    const waits: number[] = [];
    await clientFor(s.http.url, { maxDelayMs: 300 }, waits).api("/users").get();
    // random() = 0.5 of min(300, 100·2^(n-1)): 50, 100, 150, 150
    expect(waits).toEqual([50, 100, 150, 150]);
  });

  it("gives up after the last attempt and reports the 429", async () => {
    const s = await scriptedServer([throttle("1")]);
    server = s.http;
    const waits: number[] = [];
    const error = await clientFor(s.http.url, { maxAttempts: 3 }, waits)
      .api("/users")
      .get()
      .catch((e: unknown) => e);
    expect((error as { statusCode: number }).statusCode).toBe(429);
    expect(s.served()).toBe(3);
  });

  it("gives up at once when Retry-After asks for longer than the budget allows", async () => {
    const s = await scriptedServer([throttle("30"), ok]);
    server = s.http;
    const waits: number[] = [];
    const error = await clientFor(s.http.url, { budgetMs: 10_000 }, waits)
      .api("/users")
      .get()
      .catch((e: unknown) => e);
    expect((error as { statusCode: number }).statusCode).toBe(429);
    expect(waits).toEqual([]);
  });

  it("does not retry a request Graph refused as bad", async () => {
    const s = await scriptedServer([badRequest, ok]);
    server = s.http;
    const error = await clientFor(s.http.url, {}, [])
      .api("/users")
      .get()
      .catch((e: unknown) => e);
    expect((error as { statusCode: number }).statusCode).toBe(400);
    expect(s.served()).toBe(1);
  });
});

describe("pacing requests under a published limit", () => {
  it("lets a window's worth through at once and makes the next wait for the window to move", async () => {
    let now = 0;
    const waits: number[] = [];
    const pacer = new Pacer(
      3,
      1_000,
      () => now,
      async (ms) => {
        waits.push(ms);
        now += ms;
      },
    );
    for (let i = 0; i < 3; i++) await pacer.take();
    expect(waits).toEqual([]);
    await pacer.take();
    expect(waits).toEqual([1_000]);
    await pacer.take(2);
    expect(now).toBe(1_000);
    await pacer.take();
    expect(now).toBe(2_000);
  });
});
