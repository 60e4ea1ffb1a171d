import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { importPaths } from "../core/migration/importFiles";
import { migrateToLatest } from "../core/store/migrate";
import { openStore } from "../core/store/openStore";
import { writeLargeItemReport } from "../graph/devtenant/migration/migrationReports";
import { writeBenchmarkSection } from "./benchmarksDoc";
import { benchEngine, engineName, throwawayStore } from "./benchStore";

/**
 * Imports a generated SPMT item report of 1,000,000 rows (and one of 250,000,
 * to show that memory does not grow with the file) into a fresh store, each in
 * a process of its own so that its peak memory (max RSS) is its own. Reports
 * rows per second and peak memory; results go to docs/benchmarks.md unless --dry-run.
 */
const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    smaller: { type: "string", default: "250000" },
    engine: { type: "string", default: "pglite" },
    child: { type: "string" },
    "dry-run": { type: "boolean", default: false },
  },
});
const engine = benchEngine(values.engine);

if (values.child) {
  // One import, measured: prints a JSON line for the parent.
  const throwaway = await throwawayStore(engine);
  const store = await openStore(throwaway.config);
  await migrateToLatest(store.db);
  const started = performance.now();
  const [outcome] = await importPaths(store.db, [values.child]);
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  await throwaway.drop();
  if (outcome?.result !== "imported") throw new Error(`import failed: ${JSON.stringify(outcome)}`);
  process.stdout.write(
    `${JSON.stringify({ rows: outcome.rows, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), "icthub-bench-items-"));
type Result = { rows: number; seconds: number; maxRssMb: number; fileMb: number };
const results: Result[] = [];
try {
  for (const rows of [Number(values.smaller), Number(values.rows)]) {
    const file = join(dir, `TaskReport_bench-${rows}`, "ItemReport_R1.csv");
    await writeLargeItemReport(file, rows);
    const child = spawnSync(
      process.execPath,
      ["--import", "tsx", import.meta.filename, "--engine", engine, "--child", file],
      { encoding: "utf8", maxBuffer: 1 << 20 },
    );
    if (child.status !== 0) throw new Error(`benchmark child failed: ${child.stderr}`);
    const measured = JSON.parse(child.stdout.trim().split("\n").at(-1) as string) as Omit<Result, "fileMb">;
    results.push({ ...measured, fileMb: statSync(file).size / 1024 ** 2 });
    process.stdout.write(`${rows} rows: ${JSON.stringify(measured)}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const n = (value: number) => Math.round(value).toLocaleString("en-GB");
const lines = [
  `Item report import on ${engineName(engine)} (${new Date().toISOString().slice(0, 10)}; Node ${process.version}; one transaction per file, 5,000 rows per statement):`,
  "",
  "| rows | file | time | rows per second | peak memory (max RSS) |",
  "|---:|---:|---:|---:|---:|",
  ...results.map(
    (r) =>
      `| ${n(r.rows)} | ${n(r.fileMb)} MB | ${r.seconds.toFixed(1)} s | ${n(r.rows / r.seconds)} | ${n(r.maxRssMb)} MB |`,
  ),
];
process.stdout.write(`${lines.join("\n")}\n`);
if (!values["dry-run"]) writeBenchmarkSection(`migration-import-${engine}`, lines);
