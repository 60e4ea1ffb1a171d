import { fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pino } from "pino";
import { migrateToLatest } from "../core/store/migrate";
import { openStore } from "../core/store/openStore";
import { msalTokenSource } from "../graph/auth/msalTokenSource";
import { createGraphClient } from "../graph/client/createGraphClient";
import { unpaced } from "../graph/client/pacer";
import { type DevTenantAddress, devTenantConnection } from "../graph/connectGraph";
import { devicesSync } from "../graph/sync/devicesSync";
import { runSync } from "../graph/sync/runSync";
import type { SyncDeps } from "../graph/sync/syncContext";
import { usersSync } from "../graph/sync/usersSync";
import { fetchTrusting } from "../graph/trustedFetch";
import { writeBenchmarkSection } from "./benchmarksDoc";
import { benchEngine, throwawayStore } from "./benchStore";

/**
 * `npm run bench`: the users and devices syncs of a large council against a
 * raw fetch of the same requests (every page, every $batch) that stores
 * nothing, in one run, so the ratio is what the sync itself costs. Results are
 * written to docs/benchmarks.md.
 */
const { values } = parseArgs({
  options: {
    staff: { type: "string", default: "20000" },
    devices: { type: "string", default: "50000" },
    rounds: { type: "string", default: "2" },
    engine: { type: "string", default: "pglite" },
    "dry-run": { type: "boolean", default: false },
  },
});
const staff = Number(values.staff);
const deviceCount = Number(values.devices);
const rounds = Number(values.rounds);
const engine = benchEngine(values.engine);

type TenantInfo = DevTenantAddress & { today: string };
const tenantProcess = fork(join(import.meta.dirname, "devTenantProcess.ts"), [String(staff), String(deviceCount)], {
  execArgv: ["--import", "tsx"],
});
const tenant = await new Promise<TenantInfo>((resolve, reject) => {
  tenantProcess.once("message", (message) => resolve(message as TenantInfo));
  tenantProcess.once("exit", (code) => reject(new Error(`the dev tenant process exited with ${code}`)));
});
const connection = devTenantConnection(tenant);
const { fetch, dispatcher } = fetchTrusting(connection.caPem);
const tokens = msalTokenSource(connection, fetch);

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

/** Every request the sync makes, made with plain fetch and thrown away. */
async function rawFetch(): Promise<number> {
  const token = await tokens.graphToken();
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const base = `${connection.graphBaseUrl}/v1.0`;
  const started = performance.now();
  const userIds: string[] = [];
  const deviceIds: string[] = [];
  const walk = async (first: string, ids: string[]) => {
    let url: string | undefined = `${base}${first}`;
    while (url) {
      const body = (await (await fetch(url, { headers })).json()) as {
        value: { id: string }[];
        "@odata.nextLink"?: string;
      };
      for (const item of body.value) ids.push(item.id);
      url = body["@odata.nextLink"];
    }
  };
  const batches = async (paths: string[], version = "v1.0") => {
    const chunks: string[][] = [];
    for (let i = 0; i < paths.length; i += 20) chunks.push(paths.slice(i, i + 20));
    let next = 0;
    const worker = async () => {
      while (next < chunks.length) {
        const chunk = chunks[next++] as string[];
        const requests = chunk.map((url, id) => ({ id: String(id), method: "GET", url }));
        const batchUrl = `${connection.graphBaseUrl}/${version}/$batch`;
        await (await fetch(batchUrl, { method: "POST", headers, body: JSON.stringify({ requests }) })).json();
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
  };
  await walk(
    "/users/delta?$select=id,displayName,givenName,surname,userPrincipalName,mail,jobTitle,department,officeLocation,employeeId,accountEnabled,employeeOrgData",
    userIds,
  );
  await batches(userIds.map((id) => `/users/${id}/manager?$select=id`));
  await walk(
    "/deviceManagement/managedDevices?$select=id,deviceName,userId,userPrincipalName,operatingSystem,osVersion,manufacturer,model,serialNumber,enrolledDateTime,lastSyncDateTime,complianceState,totalStorageSpaceInBytes,freeStorageSpaceInBytes,physicalMemoryInBytes&$top=1000",
    deviceIds,
  );
  await batches(
    deviceIds.map((id) => `/deviceManagement/managedDevices/${id}?$select=id,hardwareInformation`),
    "beta",
  );
  return performance.now() - started;
}

/** The real syncs into a fresh store: embedded on disk, or a new PostgreSQL database. */
async function syncIntoStore(): Promise<{ ms: number; rssBefore: number }> {
  const throwaway = await throwawayStore(engine);
  const store = await openStore(throwaway.config);
  await migrateToLatest(store.db);
  const deps: SyncDeps = {
    db: store.db,
    client: createGraphClient({ connection, tokens, fetch }),
    log: pino({ level: "silent" }),
    holder: randomUUID(),
    intunePacer: unpaced,
    reportPacer: () => unpaced,
    today: () => tenant.today,
    usageRetentionDays: 1095,
  };
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  for (const job of [usersSync, devicesSync]) {
    const outcome = await runSync(deps, job);
    if (outcome.status !== "succeeded") throw new Error(`${job.name} sync ${outcome.status}`);
  }
  const ms = performance.now() - started;
  await store.close();
  await throwaway.drop();
  return { ms, rssBefore };
}

const raw: number[] = [];
const synced: number[] = [];
let syncPeakRss = 0;
let rssBeforeSync = 0;
for (let round = 0; round < rounds; round++) {
  raw.push(await rawFetch());
  peakRss = 0;
  const result = await syncIntoStore();
  synced.push(result.ms);
  // Memory from the first round only: later rounds start with the last store's heap not yet collected.
  if (round === 0) {
    syncPeakRss = peakRss;
    rssBeforeSync = result.rssBefore;
  }
}
clearInterval(sampler);
tenantProcess.disconnect();
await dispatcher?.close();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ratio = median(synced) / median(raw);
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const lines = [
  `Run ${new Date().toISOString().slice(0, 10)} on ${process.version}, ${staff.toLocaleString("en-GB")} staff and ${deviceCount.toLocaleString("en-GB")} devices, ${rounds} rounds (medians).`,
  "",
  "| measure | value |",
  "|---|---|",
  `| raw fetch of the same requests | ${(median(raw) / 1000).toFixed(1)} s |`,
  `| users + devices sync into ${engine === "postgres" ? "PostgreSQL" : "PGlite"} | ${(median(synced) / 1000).toFixed(1)} s |`,
  `| **time ratio (sync / raw)** | **${ratio.toFixed(2)}** (goal ≤ 1.3) |`,
  `| peak RSS of the syncing process | ${mib(syncPeakRss)} MiB (${mib(rssBeforeSync)} MiB when the sync started; the dev tenant runs in another process) |`,
];
process.stdout.write(`${lines.join("\n")}\n`);

if (!values["dry-run"]) writeBenchmarkSection(`graph-sync-${engine}`, lines);
