import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { generateCouncil } from "../../graph/devtenant/council";
import { freePort, jsonLines, spawnScript, spawnServer, waitFor } from "../support/process";

/** `npm run <script> -- …` as a person runs it, against the small council spawnScript sets up. */
async function runCli(script: string, args: string[], env: Record<string, string>) {
  const run = spawnScript(script, args, env);
  const code = await run.exited;
  return { code, out: run.stdout(), err: run.stderr() };
}

const refresh = (args: string[], env: Record<string, string>) => runCli("scripts/refresh.ts", args, env);
/** A directorate of the council the dev tenant serves to these processes (seed 1, 60 staff). */
const directorate = generateCouncil({ seed: 1, staff: 60, devices: 60 }).directorates[0]?.name ?? "";

// Every case starts Node processes (tsx compiles on start): seconds each on a loaded 2-core machine.
describe("npm run refresh", () => {
  it("exports the devices due on its own when no server is running, with owners and reasons", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "icthub-refresh-"));
    expect((await runCli("scripts/sync.ts", ["users", "devices"], { DATA_DIR: dataDir })).code).toBe(0);
    const out = join(dataDir, "due.csv");
    const result = await refresh(["export", "--out", out], { DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    const [, count] = /^Wrote (\d+) devices due for refresh to (.+)\.$/m.exec(result.out) ?? [];
    const [header, ...rows] = parse(readFileSync(out, "utf8"), { bom: true }) as string[][];
    expect(header?.slice(0, 2)).toEqual(["Device", "Serial number"]);
    expect(rows).toHaveLength(Number(count));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(["Due", "Overdue", "Must replace"]).toContain(row[5]);
      expect(row[6]).toMatch(/^It .+\.$/);
    }
    expect(rows.some((row) => row[13]?.endsWith(".gov.uk"))).toBe(true);
  });

  it("writes the CSV to standard output when no file is named", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "icthub-refresh-out-"));
    const result = await refresh(["export"], { DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    expect(result.out.startsWith("\uFEFFDevice,Serial number,Manufacturer,")).toBe(true);
  });

  it("adds and lists waves through the running server when it holds the embedded store", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "icthub-refresh-srv-"));
    const port = await freePort();
    const server = spawnServer({ PORT: String(port), DATA_DIR: dataDir, GRAPH_SYNC_SCHEDULED: "false" });
    try {
      await waitFor(`http://127.0.0.1:${port}/healthz`, 30_000);
      expect((await runCli("scripts/sync.ts", ["users"], { DATA_DIR: dataDir })).code).toBe(0);
      const add = [
        "waves",
        "add",
        "--name",
        "Wave 1",
        "--directorate",
        directorate,
        "--start",
        "2027-01-04",
        "--end",
        "2027-03-31",
        "--target",
        "40",
      ];
      const added = await refresh(add, { DATA_DIR: dataDir });
      expect(added.err).toBe("");
      expect(added.out.trim()).toBe(`Added wave Wave 1: ${directorate}, 2027-01-04 to 2027-03-31, target 40 devices.`);

      const again = await refresh(add, { DATA_DIR: dataDir });
      expect(again.code).toBe(1);
      expect(again.err.trim()).toBe("There is already a wave called Wave 1.");

      const listed = await refresh(["waves", "list"], { DATA_DIR: dataDir });
      expect(listed.out.trim()).toBe(
        `Wave 1: 2027-01-04 to 2027-03-31, 0 of 40 done (0 replaced, 0 upgraded), 40 to go. ${directorate}`,
      );
      const served = jsonLines(server.stdout()).filter((l) =>
        String((l.req as { path?: string })?.path).startsWith("/api/admin/refresh/waves"),
      );
      expect(served).toHaveLength(3);
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  }, 120_000);

  it("says what a wave needs, and how to use the command, when asked wrongly", async () => {
    const missing = await refresh(["waves", "add", "--name", "Wave 1"], {});
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(
      /^A wave needs --name, at least one --directorate, --start and --end\.\nUsage: npm run refresh -- export/,
    );
    const unknown = await refresh(["printers"], {});
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^npm run refresh does not know "printers"\.\nUsage:/);
  });
});
