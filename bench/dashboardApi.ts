import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { pino } from "pino";
import { build } from "vite";
import { unpaced } from "../graph/client/pacer";
import { generateCouncil } from "../graph/devtenant/council";
import { devicesSync } from "../graph/sync/devicesSync";
import { runSync } from "../graph/sync/runSync";
import { usersSync } from "../graph/sync/usersSync";
import { startIctHub } from "../server/start";
import { writeBenchmarkSection } from "./benchmarksDoc";
import { benchAppConfig, benchEngine, engineName, throwawayStore } from "./benchStore";

/**
 * The dashboard's tab API with a large council in the store (20,000 staff,
 * 50,000 devices): p95 of the refresh summary and of pages of the due list,
 * against /healthz on the same server in the same run; and the tabs' initial
 * JavaScript, gzipped. Results go to docs/benchmarks.md unless --dry-run.
 */
const { values } = parseArgs({
  options: {
    staff: { type: "string", default: "20000" },
    devices: { type: "string", default: "50000" },
    calls: { type: "string", default: "200" },
    engine: { type: "string", default: "pglite" },
    "dry-run": { type: "boolean", default: false },
  },
});
const staff = Number(values.staff);
const devices = Number(values.devices);
const calls = Number(values.calls);
const engine = benchEngine(values.engine);
const projectRoot = join(import.meta.dirname, "..");

/** The tabs as `npm run build` makes them; what a first visit loads is the entry script and its preloads. */
async function initialJavaScriptKb(): Promise<number> {
  const outDir = mkdtempSync(join(tmpdir(), "icthub-bench-tabs-"));
  await build({ configFile: join(projectRoot, "tabs", "vite.config.ts"), logLevel: "silent", build: { outDir } });
  const html = readFileSync(join(outDir, "index.html"), "utf8");
  const scripts = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g)].map(
    (m) => m[1] as string,
  );
  return scripts.reduce((sum, file) => sum + gzipSync(readFileSync(join(outDir, file))).length, 0) / 1024;
}

// The ICT user comes from the same generated council the app's dev tenant will serve (seed 1).
const ictPerson = [...generateCouncil({ seed: 1, staff, devices }).users.values()][0];
if (!ictPerson) throw new Error("the generated council has no one");
const throwaway = await throwawayStore(engine);
const app = await startIctHub(
  benchAppConfig(throwaway.config, { staff, devices }, { ICT_STAFF: ictPerson.userPrincipalName }),
  { log: pino({ level: "silent" }) },
);
// Filling the store is not what is measured: Intune's pacing of hardware reads is lifted here.
for (const job of [usersSync, devicesSync]) {
  const outcome = await runSync({ ...app.syncDeps, intunePacer: unpaced }, job);
  if (outcome.status !== "succeeded") throw new Error(`${job.name} sync ${outcome.status}`);
}
const devTenant = app.graph.devTenant;
if (!devTenant) throw new Error("the benchmark runs on the dev tenant");
const token = await devTenant.issueUserToken(ictPerson.id);

async function timed(path: string, authorised = true): Promise<number> {
  const started = performance.now();
  const response = await fetch(
    `${app.url}${path}`,
    authorised ? { headers: { authorization: `Bearer ${token}` } } : {},
  );
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return performance.now() - started;
}

const firstSummary = await timed("/api/tab/ict/refresh/summary");
const sorts = ["state", "name", "owner", "directorate", "model", "age"];
const baseline: number[] = [];
const summary: number[] = [];
const duePages: number[] = [];
for (let i = 0; i < calls; i++) {
  baseline.push(await timed("/healthz", false));
  summary.push(await timed("/api/tab/ict/refresh/summary"));
  duePages.push(
    await timed(`/api/tab/ict/refresh/due?sort=${sorts[i % sorts.length]}&page=${1 + (i % 20)}&pageSize=50`),
  );
}
await app.stop();
await throwaway.drop();
const bundleKb = await initialJavaScriptKb();

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] as number;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const row = (name: string, xs: number[]) =>
  `| ${name} | ${ms(percentile(xs, 0.5))} | ${ms(percentile(xs, 0.95))} | ${(percentile(xs, 0.95) / percentile(baseline, 0.95)).toFixed(1)}× |`;
const lines = [
  `Run ${new Date().toISOString().slice(0, 10)} on ${process.version}, ${staff.toLocaleString("en-GB")} staff and ${devices.toLocaleString("en-GB")} devices synced into ${engineName(engine)}, ${calls} calls each, signed in as ICT.`,
  "",
  "| route | median | p95 | p95 against /healthz |",
  "|---|---|---|---|",
  row("`GET /healthz` (baseline)", baseline),
  row("`GET /api/tab/ict/refresh/summary`", summary),
  row("`GET /api/tab/ict/refresh/due` (a page of 50, sorted)", duePages),
  "",
  `First summary after the sync (classifies every device): ${ms(firstSummary)}. Goal: p95 ≤ 100 ms.`,
  `Initial JavaScript of the tabs, gzipped: **${bundleKb.toFixed(1)} KB** (goal ≤ 350 KB).`,
];
process.stdout.write(`${lines.join("\n")}\n`);
if (!values["dry-run"]) writeBenchmarkSection(`dashboard-api-${engine}`, lines);
