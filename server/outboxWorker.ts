import type { Outbox } from "../bot/outbox/outbox";
import type { Worker } from "./workers";

/**
 * Sends what the outbox holds. Posting wakes the sender at once; this
 * interval picks up retries whose time has come and deliveries another
 * instance left behind when it stopped.
 */
export function outboxWorker(outbox: Outbox): Worker {
  return { name: "outbox", intervalMs: 1_000, perform: (signal) => outbox.drain(signal) };
}
