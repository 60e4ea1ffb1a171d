import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen } from "../../server/listen";
import { startTestApp, type TestApp } from "../support/testApp";

describe("the HTTP surface", () => {
  let t: TestApp;
  beforeAll(async () => {
    const tabsDir = mkdtempSync(join(tmpdir(), "icthub-built-"));
    writeFileSync(join(tabsDir, "index.html"), "<!doctype html><title>ICT Hub</title>");
    t = await startTestApp({ TABS_DIR: tabsDir });
  });
  afterAll(() => t.stop());

  it("serves the built tabs", async () => {
    const response = await fetch(`${t.app.url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<title>ICT Hub</title>");
  });

  it("answers unknown tab API routes with a JSON 404", async () => {
    const response = await fetch(`${t.app.url}/api/tab/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "No such API route" } });
  });

  it("refuses the CLI's admin routes without the server's token", async () => {
    const response = await fetch(`${t.app.url}/api/admin/sync`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-admin-token": "guess" },
      body: JSON.stringify({ syncs: ["users"] }),
    });
    expect(response.status).toBe(403);
  });

  it("gives every response a request id, keeping a well-formed one from the caller", async () => {
    const mine = await fetch(`${t.app.url}/api/tab/x`, { headers: { "x-request-id": "trace-123" } });
    expect(mine.headers.get("x-request-id")).toBe("trace-123");
    const generated = await fetch(`${t.app.url}/api/tab/x`, { headers: { "x-request-id": "bad id with spaces" } });
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(t.logs.some((l) => (l.req as { id?: string } | undefined)?.id === "trace-123")).toBe(true);
  });

  it("never writes a bearer token or a query string to the logs", async () => {
    await fetch(`${t.app.url}/api/tab/me?access_token=query-token-value`, {
      headers: { authorization: "Bearer header-token-value" },
    });
    await fetch(`${t.app.url}/api/messages`, {
      method: "POST",
      headers: { authorization: "Bearer header-token-value", "content-type": "application/json" },
      body: "{}",
    });
    const all = JSON.stringify(t.logs);
    expect(all).toContain("/api/tab/me");
    expect(all).not.toContain("header-token-value");
    expect(all).not.toContain("query-token-value");
  });
});

describe("the tabs before they are built", () => {
  it("answers 503 saying how to build them", async () => {
    const t = await startTestApp();
    try {
      const response = await fetch(`${t.app.url}/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain("npm run build");
    } finally {
      await t.stop();
    }
  });
});

describe("graceful stop", () => {
  it("lets an in-flight request finish and refuses new connections", async () => {
    const http = await listen(
      (_req, res) => {
        setTimeout(() => res.end("finished"), 300);
      },
      0,
      "127.0.0.1",
    );
    const inFlight = fetch(http.url).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    const closed = http.close(5_000);
    expect(await inFlight).toBe("finished");
    await closed;
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(fetch(http.url)).rejects.toThrow();
  });

  it("cuts requests still running when the grace period ends", async () => {
    const http = await listen(() => {}, 0, "127.0.0.1");
    const hanging = fetch(http.url).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await http.close(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await hanging).toBeInstanceOf(Error);
  });
});
