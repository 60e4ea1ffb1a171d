import { randomUUID } from "node:crypto";
import { MultiBar, Presets } from "cli-progress";
import { isAppError } from "../core/errors";
import { migrateToLatest } from "../core/store/migrate";
import { openStore } from "../core/store/openStore";
import { storeCredentials } from "../graph/auth/managedIdentity";
import { connectGraph } from "../graph/connectGraph";
import { createSyncDeps } from "../graph/sync/createSyncDeps";
import { runSync, type SyncOutcome } from "../graph/sync/runSync";
import type { SyncName, SyncProgress } from "../graph/sync/syncContext";
import { isSyncName, syncJobs, syncNames } from "../graph/sync/syncJobs";
import { configOrExit } from "../server/boot";
import { createLogger } from "../server/logger";
import { readLiveServerFile, type ServerFile } from "../server/serverFile";

/**
 * `npm run sync [-- users devices sites reports]`: syncs from Graph now. With
 * the server running on the embedded store, the server does the work (it owns
 * the store); otherwise this process opens the store itself.
 */
async function main() {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !isSyncName(name));
  if (unknown.length > 0) {
    process.stderr.write(`Unknown sync ${unknown.join(", ")}: choose from ${syncNames.join(", ")}\n`);
    process.exit(2);
  }
  const names = (asked.length > 0 ? asked : syncNames) as SyncName[];
  const config = configOrExit();
  const bars = progressBars(names);
  const server = readLiveServerFile(config.store);
  const outcomes = server ? await throughServer(server, names, bars.update) : await onItsOwn(names, bars.update);
  bars.stop();
  printSummary(outcomes);
  if ([...outcomes.values()].some((o) => o.status === "failed")) process.exitCode = 1;

  async function onItsOwn(which: SyncName[], onProgress: (p: SyncProgress) => void) {
    // Logs go to a file-like sink: the terminal shows the bars and the summary.
    const log = createLogger(process.env.LOG_LEVEL === "debug" ? "debug" : "warn");
    let store: Awaited<ReturnType<typeof openStore>>;
    try {
      store = await openStore(config.store, storeCredentials(config.store));
    } catch (error) {
      bars.stop();
      process.stderr.write(`${isAppError(error) ? error.message : String(error)}\n`);
      process.exit(1);
    }
    const result = new Map<SyncName, SyncOutcome>();
    try {
      await migrateToLatest(store.db);
      const graph = await connectGraph(config, log);
      try {
        const deps = {
          ...createSyncDeps(graph, store.db, log, `cli-${randomUUID()}`, config.sync.usageRetentionDays),
          onProgress,
        };
        for (const name of which) result.set(name, await runSync(deps, syncJobs[name]));
      } finally {
        await graph.close();
      }
    } finally {
      await store.close();
    }
    return result;
  }
}

async function throughServer(server: ServerFile, names: SyncName[], onProgress: (p: SyncProgress) => void) {
  const response = await fetch(`${server.url}/api/admin/sync`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-admin-token": server.adminToken },
    body: JSON.stringify({ syncs: names }),
  });
  if (!response.ok || !response.body)
    throw new Error(`The server refused the sync: ${response.status} ${await response.text()}`);
  const outcomes = new Map<SyncName, SyncOutcome>();
  let buffered = "";
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffered += Buffer.from(chunk).toString("utf8");
    let newline = buffered.indexOf("\n");
    while (newline >= 0) {
      const event = JSON.parse(buffered.slice(0, newline)) as { type: string; sync: SyncName } & Record<
        string,
        unknown
      >;
      buffered = buffered.slice(newline + 1);
      if (event.type === "progress") onProgress(event as unknown as SyncProgress);
      else outcomes.set(event.sync, event as unknown as SyncOutcome);
      newline = buffered.indexOf("\n");
    }
  }
  return outcomes;
}

function progressBars(names: SyncName[]) {
  const multi = new MultiBar(
    { format: " {sync} | {phase}: {value}", hideCursor: true, noTTYOutput: false, clearOnComplete: false },
    Presets.shades_classic,
  );
  const bars = new Map(names.map((name) => [name, multi.create(0, 0, { sync: name.padEnd(7), phase: "waiting" })]));
  return {
    update: (p: SyncProgress) => bars.get(p.sync)?.update(p.done, { phase: p.phase }),
    stop: () => multi.stop(),
  };
}

function printSummary(outcomes: Map<SyncName, SyncOutcome>) {
  for (const [name, outcome] of outcomes) {
    const detail =
      outcome.status === "succeeded"
        ? `${Object.entries(outcome.counts)
            .map(([k, v]) => `${k} ${v}`)
            .join(", ")} in ${(outcome.durationMs / 1000).toFixed(1)} s`
        : outcome.status === "failed"
          ? outcome.error
          : "already running in another process";
    process.stdout.write(`${name.padEnd(8)} ${outcome.status.padEnd(10)} ${detail}\n`);
  }
}

void main();
