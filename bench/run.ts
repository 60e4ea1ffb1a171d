import { spawnSync } from "node:child_process";
import { join } from "node:path";

/**
 * `npm run bench [-- --engine postgres]`: every benchmark, one after another,
 * each in its own process so that one's heap and threads do not weigh on the
 * next. Each writes its own section of docs/benchmarks.md.
 */
const benchmarks = [
  "selfHelpTurn.ts",
  "decisionPath.ts",
  "dashboardApi.ts",
  "graphSync.ts",
  "outboxDelivery.ts",
  "adoption.ts",
];
for (const file of benchmarks) {
  process.stdout.write(`\n== ${file}\n`);
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", join(import.meta.dirname, file), ...process.argv.slice(2)],
    {
      stdio: "inherit",
    },
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
}
