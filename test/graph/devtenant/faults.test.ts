import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const tokenRequest = () =>
  h.fetch(`${h.tenant.authority}/oauth2/v2.0/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: h.tenant.clientId,
      client_secret: h.tenant.clientSecret,
      scope: "https://graph.microsoft.com/.default",
    }),
  });

async function statusesOf(count: number) {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await h.graph("/v1.0/users?$top=1&$select=id")).status);
  return statuses;
}

describe("fault injection", () => {
  it("throttles about 30% of Graph requests with Retry-After, the same ones for the same seed", async () => {
    await h.appToken();
    h.tenant.setFaults({ throttleRate: 0.3, retryAfterSeconds: 3, seed: 11 });
    const first = await statusesOf(60);
    const throttled = first.filter((s) => s === 429).length;
    expect(throttled).toBeGreaterThan(8);
    expect(throttled).toBeLessThan(30);
    expect(first.filter((s) => s !== 429).every((s) => s === 200)).toBe(true);
    const response = await (async () => {
      for (;;) {
        const r = await h.graph("/v1.0/users?$top=1");
        if (r.status === 429) return r;
      }
    })();
    expect(response.headers.get("retry-after")).toBe("3");
    expect(await response.json()).toMatchObject({ error: { code: "TooManyRequests" } });

    h.tenant.setFaults({ throttleRate: 0.3, retryAfterSeconds: 3, seed: 11 });
    expect(await statusesOf(60)).toEqual(first);
    h.tenant.setFaults({});
  });

  it("never faults identity requests", async () => {
    h.tenant.setFaults({ throttleRate: 0.5, serverErrorRate: 0.5, seed: 3 });
    try {
      for (let i = 0; i < 20; i++) expect((await tokenRequest()).status).toBe(200);
    } finally {
      h.tenant.setFaults({});
    }
  });

  it("answers a share with 503 or 504, and faults each item of a batch on its own", async () => {
    h.tenant.setFaults({ serverErrorRate: 0.4, throttleRate: 0.3, seed: 5 });
    try {
      const statuses = new Set(await statusesOf(60));
      expect([...statuses].some((s) => s === 503 || s === 504)).toBe(true);
      const ids = [...h.tenant.council.users.keys()].slice(0, 20);
      const response = await h.graph("/v1.0/$batch", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ requests: ids.map((id, i) => ({ id: String(i), method: "GET", url: `/users/${id}` })) }),
      });
      expect(response.status).toBe(200);
      const { responses } = (await response.json()) as {
        responses: { status: number; headers: Record<string, string> }[];
      };
      const throttled = responses.filter((r) => r.status === 429);
      expect(throttled.length).toBeGreaterThan(0);
      expect(responses.some((r) => r.status === 200)).toBe(true);
      expect(throttled.every((r) => Number(r.headers["Retry-After"]) > 0)).toBe(true);
    } finally {
      h.tenant.setFaults({});
    }
  });

  it("can be set over the admin route, which also serves the request log", async () => {
    const set = await h.fetch(`${h.tenant.url}/_admin/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ throttleRate: 1, retryAfterSeconds: 7 }),
    });
    expect(await set.json()).toEqual({ throttleRate: 1, retryAfterSeconds: 7 });
    const throttled = await h.graph("/v1.0/users?$top=1");
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("7");
    await h.fetch(`${h.tenant.url}/_admin/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    const bad = await h.fetch(`${h.tenant.url}/_admin/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ throttleRate: 2 }),
    });
    expect(bad.status).toBe(400);
    const log = (await (await h.fetch(`${h.tenant.url}/_admin/requests?area=graph`)).json()) as {
      status: number;
      url: string;
    }[];
    expect(log.at(-1)).toMatchObject({ status: 429, url: "/v1.0/users?$top=1" });
  });

  it("adds latency to Graph requests", async () => {
    h.tenant.setFaults({ latencyMs: 120 });
    try {
      const started = performance.now();
      await h.graph("/v1.0/users?$top=1");
      expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    } finally {
      h.tenant.setFaults({});
    }
  });
});
