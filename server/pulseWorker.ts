import { type PulseDeps, runPulseScheduler } from "../bot/pulses/pulseSending";
import type { Worker } from "./workers";

/**
 * Satisfaction pulses' scheduler: every minute it closes runs whose time is
 * up, starts runs whose time has come (a pulse set for "now" goes within a
 * minute or so), sends due reminders and mixes new anonymous answers. Each step is
 * a conditional update, so instances sharing a store act once.
 */
export function pulseWorker(deps: PulseDeps): Worker {
  return {
    name: "pulses",
    intervalMs: 60_000,
    async perform() {
      const done = await runPulseScheduler(deps);
      if (done.started + done.closed + done.reminded > 0) deps.log.info(done, "pulse scheduler acted");
    },
  };
}
