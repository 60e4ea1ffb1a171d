import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DevChannel, startDevChannel } from "../../bot/devchannel/startDevChannel";
import { freePort, jsonLines, projectRoot, waitFor } from "../support/process";
import { freshPostgresDatabase, postgresAdminUrl, postgresReachable } from "../support/storeEngines";
import { cardsIn } from "../support/transcriptReading";

/**
 * `npm run bundle` builds the zip Azure's zip deploy uploads. This unzips it
 * into a folder of its own and starts it there as App Service does, with
 * `node server/main.js` alone, on PostgreSQL. Set ICTHUB_BUNDLE_ZIP to a zip
 * CI has just built to test that one instead of building another.
 */
const prebuilt = process.env.ICTHUB_BUNDLE_ZIP;

if (!postgresReachable) {
  console.warn(
    `SKIPPING the bundle test: it starts the bundled app on PostgreSQL, and ${postgresAdminUrl} is not reachable.`,
  );
}

/** Runs `npm run bundle` as a developer would, writing to a temporary zip (never over build/ or dist/). */
async function buildBundle(out: string): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/bundle.ts", "--out", out], {
    cwd: projectRoot,
    env: process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => {
    output += d;
  });
  child.stderr.on("data", (d) => {
    output += d;
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`npm run bundle failed (exit ${code}):\n${output}`);
  return output;
}

/** The entries of the zip, and the zip unpacked into a new folder outside the project. */
function unpack(zipPath: string): { folder: string; names: string[] } {
  const entries = unzipSync(readFileSync(zipPath));
  const folder = mkdtempSync(join(tmpdir(), "icthub-bundle-run-"));
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith("/")) continue;
    const path = join(folder, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  }
  return { folder, names: Object.keys(entries) };
}

/**
 * Node's permission model, where it is available: the process may read (and
 * write) its own folder and nothing else on disk, which shows that nothing is
 * loaded from the project, or anywhere else, by accident.
 */
function onlyItsOwnFolder(folder: string, write: boolean): string[] {
  const flag = process.allowedNodeEnvironmentFlags.has("--permission") ? "--permission" : "--experimental-permission";
  if (!process.allowedNodeEnvironmentFlags.has(flag)) return [];
  return [
    flag,
    `--allow-fs-read=${folder}/*`,
    ...(write ? [`--allow-fs-write=${folder}/*`] : []),
    // Newer Node versions restrict the network under the permission model too.
    ...(process.allowedNodeEnvironmentFlags.has("--allow-net") ? ["--allow-net"] : []),
  ];
}

type Bundled = {
  base: string;
  /** Resolves when /healthz answers, or rejects with the output when the process exits first. */
  serving: Promise<void>;
  stop(): Promise<{ code: number | null; logs: Record<string, unknown>[]; stderr: string[] }>;
};

/**
 * Starts the unpacked bundle as App Service does: `node server/main.js` in its
 * folder, with a clean environment (no NODE_PATH, NODE_OPTIONS or anything of
 * the project's) plus `env`.
 */
async function startBundled(folder: string, env: Record<string, string>, write: boolean): Promise<Bundled> {
  const port = await freePort();
  const child = spawn(process.execPath, [...onlyItsOwnFolder(folder, write), "server/main.js"], {
    cwd: folder,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: folder,
      PORT: String(port),
      DEV_TENANT_STAFF: "40",
      DEV_TENANT_DEVICES: "40",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => {
    out += d;
  });
  child.stderr.on("data", (d) => {
    err += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const base = `http://127.0.0.1:${port}`;
  const serving = Promise.race([
    waitFor(`${base}/healthz`, 60_000).then(() => undefined),
    exited.then((code) => {
      throw new Error(`the bundle exited ${code} before serving:\n${out}\n${err}`);
    }),
  ]);
  return {
    base,
    serving,
    async stop() {
      child.kill("SIGTERM");
      const code = await exited;
      // Node's note that the permission model is experimental is all that may reach standard error.
      const stderr = err.split("\n").filter((l) => l.trim() && !/ExperimentalWarning|--trace-warnings/.test(l));
      return { code, logs: jsonLines(out), stderr };
    },
  };
}

describe("the deployable bundle (npm run bundle)", () => {
  let work: string;
  let zipPath: string;
  let folder: string;
  let names: string[];
  let buildOutput = "";

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "icthub-bundle-zip-"));
    zipPath = prebuilt ?? join(work, "icthub.zip");
    if (!prebuilt) buildOutput = await buildBundle(zipPath);
    ({ folder, names } = unpack(zipPath));
  }, 240_000);

  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("holds the compiled server, the articles, the built tabs and production dependencies only", () => {
    if (!prebuilt) expect(buildOutput).toMatch(/icthub\.zip: [\d.]+ MB, \d+ files, \d+ packages/);
    const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
    expect(manifest).toMatchObject({ type: "module", scripts: { start: "node server/main.js" } });
    expect(names).toContain("server/main.js");
    expect(names).toContain("dist/tabs/index.html");
    expect(names.filter((n) => n.startsWith("knowledge/articles/") && n.endsWith(".md")).length).toBeGreaterThan(5);
    for (const runtime of ["express", "botbuilder", "kysely", "pg", "pino", "@electric-sql/pglite"]) {
      expect(names, runtime).toContain(`node_modules/${runtime}/package.json`);
    }
    // PGlite finds its WebAssembly beside its own files.
    expect(names.some((n) => n.startsWith("node_modules/@electric-sql/pglite/") && n.endsWith(".wasm"))).toBe(true);
    for (const tool of ["tsx", "typescript", "esbuild", "vite", "vitest", "@biomejs/biome", "react", "react-dom"]) {
      expect(names, tool).not.toContain(`node_modules/${tool}/package.json`);
    }
    expect(names.filter((n) => !n.startsWith("node_modules/") && /\.(ts|tsx)$/.test(n))).toEqual([]);
    expect(readFileSync(join(folder, "server", "main.js"), "utf8")).not.toContain(projectRoot);
  });

  it.skipIf(!postgresReachable)(
    "starts from its own folder with node alone on PostgreSQL, serves health, tabs, help and the bot, and stops cleanly",
    async () => {
      const database = await freshPostgresDatabase();
      let channel: DevChannel | undefined;
      const app = await startBundled(folder, { DATABASE_URL: database.url }, false);
      let stopped: Awaited<ReturnType<Bundled["stop"]>>;
      try {
        await app.serving;
        expect(await (await fetch(`${app.base}/readyz`)).json()).toEqual({ status: "ready" });

        const index = await fetch(`${app.base}/`);
        expect(index.status).toBe(200);
        const html = await index.text();
        expect(html).toBe(readFileSync(join(folder, "dist", "tabs", "index.html"), "utf8"));
        const script = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
        expect(script).toBeDefined();
        expect((await fetch(`${app.base}${script}`)).status).toBe(200);
        expect((await fetch(`${app.base}/help/account-locked`)).status).toBe(200);

        channel = await startDevChannel({ botEndpoint: `${app.base}/api/messages` });
        const user = channel.driver.user("Priya Shah");
        const response = await channel.driver.message(
          user,
          "I typed my password wrong too many times and I'm locked out",
        );
        expect(response.status).toBe(200);
        const cards = cardsIn(channel.connector.transcript, channel.driver.personalConversationId(user));
        expect(cards).toHaveLength(1);
        expect(JSON.stringify(cards[0]?.card)).toMatch(/aka\.ms\/sspr/);
      } finally {
        await channel?.stop();
        stopped = await app.stop();
        await database.drop();
      }
      expect(stopped.code).toBe(0);
      expect(stopped.stderr).toEqual([]);
      expect(stopped.logs[0]?.msg).toMatch(/starting in dev-tenant mode.*store: PostgreSQL/);
      expect(stopped.logs.filter((l) => l.level === "error" || l.level === "fatal")).toEqual([]);
      expect(stopped.logs.at(-1)?.msg).toBe("stopped cleanly");
    },
    120_000,
  );

  it("starts on the embedded store too: PGlite finds its own files inside the bundle", async () => {
    const dataDir = join(folder, "data");
    const app = await startBundled(folder, { DATA_DIR: dataDir }, true);
    let stopped: Awaited<ReturnType<Bundled["stop"]>>;
    try {
      await app.serving;
      expect(await (await waitFor(`${app.base}/readyz`, 5_000)).json()).toEqual({ status: "ready" });
    } finally {
      stopped = await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toEqual([]);
    expect(stopped.logs.find((l) => l.msg === "store ready")).toMatchObject({ engine: "pglite" });
    expect(stopped.logs.at(-1)?.msg).toBe("stopped cleanly");
  }, 120_000);
});
