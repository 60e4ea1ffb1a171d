import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { measureTipEffects, pruneTipRecipients } from "../core/adoption/tipEffect";
import { dayOf } from "../core/adoption/tipWindows";
import type { Database } from "../core/store/database";
import type { Worker } from "./workers";

/**
 * Adoption tips' daily job: once the usage reports cover the 28 days after a
 * tip was sent, it measures how many of its recipients were active in Teams
 * then; and it forgets who got which tip after a year. Run leased, so one
 * instance does it each day; the measurement is a conditional update as well.
 */
export function adoptionTipWorker(deps: { db: Kysely<Database>; log: Logger; now: () => Date }): Worker {
  return {
    name: "adoption-tips",
    intervalMs: 86_400_000,
    async perform() {
      const now = deps.now();
      const measured = await measureTipEffects(deps.db, now);
      const pruned = await pruneTipRecipients(deps.db, dayOf(now));
      if (measured + pruned > 0) deps.log.info({ measured, pruned }, "adoption tips' effects measured");
    },
  };
}
