import { chaseApprovals } from "../bot/requests/chaseApprovals";
import type { RequestDeps } from "../bot/requests/requestNotices";
import type { Worker } from "./workers";

/** Every quarter of an hour is soon enough for reminders counted in working days. */
const everyMs = 15 * 60_000;

export function approvalWorker(deps: RequestDeps): Worker {
  return {
    name: "approval-reminders",
    intervalMs: everyMs,
    async perform() {
      const acted = await chaseApprovals(deps);
      if (acted > 0) deps.log.info({ acted }, "chased undecided device requests");
    },
  };
}
