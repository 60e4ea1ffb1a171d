import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Database } from "../../core/store/database";
import { Pacer } from "../client/pacer";
import type { GraphAccess } from "../connectGraph";
import type { SyncDeps } from "./syncContext";

/**
 * Sync dependencies for one process. Requests are paced under Intune's 2,000
 * per 20 s and each report's 14 per 10 minutes, against Microsoft and the dev
 * tenant alike (which enforces the report limit as Graph does).
 */
export function createSyncDeps(
  graph: GraphAccess,
  db: Kysely<Database>,
  log: Logger,
  holder: string,
  usageRetentionDays: number,
): SyncDeps {
  const reportPacers = new Map<string, Pacer>();
  return {
    db,
    client: graph.client,
    log,
    holder,
    intunePacer: new Pacer(1_800, 20_000),
    reportPacer: (report) => {
      const pacer = reportPacers.get(report) ?? new Pacer(14, 10 * 60_000);
      reportPacers.set(report, pacer);
      return pacer;
    },
    today: graph.today,
    usageRetentionDays,
  };
}
