import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freePort, jsonLines, spawnScript, spawnServer, waitFor } from "../support/process";

/** `npm run sync -- …` as a person runs it. */
async function runSyncCli(args: string[], env: Record<string, string>) {
  const run = spawnScript("scripts/sync.ts", args, env);
  const code = await run.exited;
  return { code, out: run.stdout(), err: run.stderr() };
}

describe("npm run sync", () => {
  it("syncs on its own when no server is running, and prints what it did", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "icthub-sync-"));
    const result = await runSyncCli(["users", "sites"], { DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^users\s+succeeded\s+upserted 60, removed 0, managersRead 60 in/m);
    expect(result.out).toMatch(/^sites\s+succeeded\s+upserted \d+, removed 0 in/m);
  });

  it("asks the running server to sync when the server holds the embedded store", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "icthub-sync-srv-"));
    const port = await freePort();
    const server = spawnServer({ PORT: String(port), DATA_DIR: dataDir, GRAPH_SYNC_SCHEDULED: "false" });
    try {
      await waitFor(`http://127.0.0.1:${port}/healthz`, 30_000);
      const result = await runSyncCli(["users"], { DATA_DIR: dataDir });
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/^users\s+succeeded\s+upserted 60/m);
      await new Promise((r) => setTimeout(r, 200));
      expect(jsonLines(server.stdout()).some((l) => l.msg === "sync finished" && l.sync === "users")).toBe(true);
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  });

  it("names the syncs it knows when asked for one it does not", async () => {
    const result = await runSyncCli(["printers"], {});
    expect(result.code).toBe(2);
    expect(result.err.trim()).toBe("Unknown sync printers: choose from users, devices, sites, reports");
  });
});
