import type { Kysely } from "kysely";
import { forgetSilentInstances, type InstanceIdentity, recordHeartbeat } from "../core/instances/instanceRepository";
import type { Database } from "../core/store/database";
import type { Worker } from "./workers";

const everyMs = 30_000;

/**
 * Marks this instance alive in the store, so that instances sharing a
 * PostgreSQL database can see each other, and forgets ones silent for a day.
 */
export function heartbeatWorker(db: Kysely<Database>, instance: InstanceIdentity): Worker {
  return {
    name: "instance-heartbeat",
    intervalMs: everyMs,
    async perform() {
      await recordHeartbeat(db, instance);
      await forgetSilentInstances(db, 24 * 60 * 60 * 1000);
    },
  };
}
