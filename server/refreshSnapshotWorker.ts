import type { RefreshSnapshot } from "../core/refresh/refreshSnapshot";
import type { Worker } from "./workers";

/**
 * Keeps the dashboard's refresh snapshot built: a sync on any instance (or a
 * new day) makes it stale, and rebuilding classifies every device, which
 * takes seconds at 50,000 of them. Asking each minute means the rebuild
 * happens here rather than while ICT wait for the dashboard.
 */
export function refreshSnapshotWorker(snapshot: () => Promise<RefreshSnapshot>): Worker {
  return {
    name: "refresh-snapshot",
    intervalMs: 60_000,
    async perform() {
      await snapshot();
    },
  };
}
