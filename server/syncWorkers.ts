import { runSync } from "../graph/sync/runSync";
import type { SyncDeps } from "../graph/sync/syncContext";
import { syncIntervalsMs, syncJobs, syncNames } from "../graph/sync/syncJobs";
import type { Worker } from "./workers";

/** One worker per sync, on its own schedule; leases keep instances from running one twice. */
export function syncWorkers(deps: SyncDeps): Worker[] {
  return syncNames.map((name) => ({
    name: `sync-${name}`,
    intervalMs: syncIntervalsMs[name],
    async perform(signal) {
      await runSync({ ...deps, signal }, syncJobs[name]);
    },
  }));
}
