import type { Migration } from "kysely";
import * as m0001 from "./0001_bot_conversations";
import * as m0002 from "./0002_graph_sync";
import * as m0003 from "./0003_service_desk";
import * as m0004 from "./0004_refresh_waves";
import * as m0005 from "./0005_device_requests";
import * as m0006 from "./0006_outbox";
import * as m0007 from "./0007_pulses";
import * as m0008 from "./0008_migration_tracking";
import * as m0009 from "./0009_job_leases";
import * as m0010 from "./0010_adoption";

/**
 * Every migration, in order. Names never change once released; a new change
 * is a new file here.
 */
export const migrations: Record<string, Migration> = {
  "0001_bot_conversations": m0001,
  "0002_graph_sync": m0002,
  "0003_service_desk": m0003,
  "0004_refresh_waves": m0004,
  "0005_device_requests": m0005,
  "0006_outbox": m0006,
  "0007_pulses": m0007,
  "0008_migration_tracking": m0008,
  "0009_job_leases": m0009,
  "0010_adoption": m0010,
};
