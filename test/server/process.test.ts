import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pgliteDirectory } from "../../core/store/openStore";
import { freePort, jsonLines, spawnServer, waitFor } from "../support/process";

describe("the server process", () => {
  it("says it is in dev-tenant mode in its first log line, answers /healthz and /readyz, and stops cleanly on SIGTERM", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "icthub-proc-"));
    const port = await freePort();
    const server = spawnServer({ PORT: String(port), DATA_DIR: dataDir });
    try {
      expect((await waitFor(`http://127.0.0.1:${port}/healthz`, 30_000)).status).toBe(200);
      const ready = await waitFor(`http://127.0.0.1:${port}/readyz`, 5_000);
      expect(await ready.json()).toEqual({ status: "ready" });
      expect(existsSync(join(dataDir, "ict-hub.lock"))).toBe(true);
    } finally {
      server.child.kill("SIGTERM");
    }
    expect(await server.exited).toBe(0);
    const logs = jsonLines(server.stdout());
    expect(logs[0]?.msg).toMatch(/starting in dev-tenant mode/);
    expect(logs.at(-1)?.msg).toBe("stopped cleanly");
    expect(existsSync(join(dataDir, "ict-hub.lock"))).toBe(false);
  });

  it("exits 1 with one line naming the variable when the configuration is invalid", async () => {
    const server = spawnServer({ PORT: "eighty" });
    expect(await server.exited).toBe(1);
    expect(server.stderr().trim().split("\n")).toEqual([
      'Configuration error: PORT expects a port number from 1 to 65535 (0 picks a free port), got "eighty"',
    ]);
  });

  it("exits 1 with a clear message, not a stack trace, when the embedded database is damaged", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "icthub-bad-"));
    const port = await freePort();
    const first = spawnServer({ PORT: String(port), DATA_DIR: dataDir });
    await waitFor(`http://127.0.0.1:${port}/healthz`, 30_000);
    first.child.kill("SIGTERM");
    await first.exited;
    writeFileSync(join(pgliteDirectory(dataDir), "global", "pg_control"), "garbage");

    const server = spawnServer({ PORT: String(port), DATA_DIR: dataDir });
    expect(await server.exited).toBe(1);
    const fatal = jsonLines(server.stdout()).find((l) => l.level === "fatal");
    expect(fatal).toMatchObject({ code: "store_corrupt" });
    expect(String(fatal?.msg)).toMatch(/could not be opened/);
    expect(server.stdout()).not.toMatch(/\n\s+at /);
  });

  it("exits 1 naming the server when PostgreSQL is unreachable", async () => {
    const server = spawnServer({ DATABASE_URL: "postgres://ict:pw-not-logged@127.0.0.1:1/ict" });
    expect(await server.exited).toBe(1);
    const fatal = jsonLines(server.stdout()).find((l) => l.level === "fatal");
    expect(fatal).toMatchObject({ code: "store_unavailable" });
    expect(String(fatal?.msg)).toContain("127.0.0.1:1/ict");
    expect(server.stdout() + server.stderr()).not.toContain("pw-not-logged");
  });

  it("refuses to share its data folder with a second server", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "icthub-two-"));
    const port = await freePort();
    const first = spawnServer({ PORT: String(port), DATA_DIR: dataDir });
    try {
      await waitFor(`http://127.0.0.1:${port}/healthz`, 30_000);
      const second = spawnServer({ PORT: String(await freePort()), DATA_DIR: dataDir });
      expect(await second.exited).toBe(1);
      expect(jsonLines(second.stdout()).find((l) => l.level === "fatal")).toMatchObject({ code: "store_locked" });
    } finally {
      first.child.kill("SIGTERM");
      await first.exited;
    }
  });
});
