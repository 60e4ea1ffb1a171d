import { randomUUID } from "node:crypto";
import { pino } from "pino";
import type { Store } from "../../core/store/openStore";
import { msalTokenSource } from "../../graph/auth/msalTokenSource";
import { createGraphClient } from "../../graph/client/createGraphClient";
import { unpaced } from "../../graph/client/pacer";
import { devTenantConnection } from "../../graph/connectGraph";
import { activityFor, advanceCouncil, generateCouncil } from "../../graph/devtenant/council";
import type { CouncilOptions } from "../../graph/devtenant/council/types";
import type { FaultOptions } from "../../graph/devtenant/faults";
import { type DevTenant, startDevTenant } from "../../graph/devtenant/startDevTenant";
import { runSync } from "../../graph/sync/runSync";
import type { SyncDeps, SyncName } from "../../graph/sync/syncContext";
import { syncJobs } from "../../graph/sync/syncJobs";
import { fetchTrusting } from "../../graph/trustedFetch";
import { type EngineName, openMigratedStore } from "./storeEngines";

/** A dev tenant with a generated council, a fresh store, and sync dependencies wired as the server wires them. */
export type SyncHarness = {
  tenant: DevTenant;
  store: Store;
  deps: SyncDeps;
  sync(name: SyncName): ReturnType<typeof runSync>;
  stop(): Promise<void>;
};

export async function startSyncHarness(
  engine: EngineName,
  council: Partial<CouncilOptions> = {},
  options: { faults?: FaultOptions; maxAttempts?: number } = {},
): Promise<SyncHarness> {
  const tenant = await startDevTenant({
    council: generateCouncil({ seed: 7, staff: 120, devices: 150, ...council }),
    activityFor,
    advanceCouncil,
    reportThrottle: false,
    port: 0,
    ...(options.faults ? { faults: options.faults } : {}),
  });
  const store = await openMigratedStore(engine);
  const connection = devTenantConnection(tenant);
  const { fetch, dispatcher } = fetchTrusting(connection.caPem);
  const client = createGraphClient({
    connection,
    tokens: msalTokenSource(connection, fetch),
    fetch,
    // Waits are honoured in count, not in time: the storm tests would otherwise take minutes.
    retry: {
      maxAttempts: options.maxAttempts ?? 12,
      baseDelayMs: 1,
      maxDelayMs: 5,
      budgetMs: 60_000,
      sleep: async () => {},
    },
  });
  const deps: SyncDeps = {
    db: store.db,
    client,
    log: pino({ level: "silent" }),
    holder: `test-${randomUUID()}`,
    intunePacer: unpaced,
    reportPacer: () => unpaced,
    today: () => tenant.council.today,
    usageRetentionDays: 1095,
    sleep: async () => {},
  };
  return {
    tenant,
    store,
    deps,
    sync: (name) => runSync(deps, syncJobs[name]),
    async stop() {
      await tenant.stop();
      await dispatcher?.close();
      await store.close();
    },
  };
}
