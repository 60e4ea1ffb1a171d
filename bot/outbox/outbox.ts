import { setTimeout as sleep } from "node:timers/promises";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { enqueueMessage, enqueueUpdate, type OutboxMessage, type OutboxUpdate } from "../../core/outbox/outbox";
import { nextDueInMs } from "../../core/outbox/outboxQueue";
import type { Database } from "../../core/store/database";
import type { OutboxSender } from "./outboxSender";

/** Where each recipient of a message stands after `deliver`. */
export type DeliveryOutcome = {
  recipient: string;
  state: string;
  conversationId: string | null;
  activityId: string | null;
};

/** The app's one way to send anything outside a turn. */
export type Outbox = {
  /** Stores the message (idempotent by key) and wakes the sender; resolves once stored, not when sent. */
  post(message: OutboxMessage): Promise<{ messageId: string; added: number }>;
  /**
   * Stores the message and sends it now, ahead of any broadcast: for a notice
   * someone is waiting on. Whatever Teams does not take now, the worker retries.
   */
  deliver(message: Omit<OutboxMessage, "interactive">): Promise<DeliveryOutcome[]>;
  /** Replaces a card posted earlier, now; if Teams does not take it now, the worker retries. */
  update(update: OutboxUpdate): Promise<void>;
  /** Wakes the sender after enqueueMessage was called inside a caller's own transaction. */
  wake(): void;
  /**
   * Resolves when every delivery has ended, waiting out retries due within
   * half a minute (a 429's Retry-After); one due later is left to the worker.
   */
  settle(): Promise<void>;
  /** The worker's run: sends until nothing is due. */
  drain(signal: AbortSignal): Promise<void>;
};

/**
 * The outbox in this process: the sender runs when woken (if background work
 * is on) and on the worker's interval; `deliver` sends its own message inline.
 */
export function createOutbox(deps: {
  db: Kysely<Database>;
  log: Logger;
  sender: OutboxSender;
  /** False when workers are off (tests): nothing is sent behind the caller's back. */
  sendInBackground: boolean;
  signal: AbortSignal;
}): Outbox {
  const { db, log, sender } = deps;
  let running: Promise<void> | null = null;
  let again = false;

  const drain = (signal: AbortSignal): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await sender.drain(signal);
        } while (again && !signal.aborted);
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const wake = () => {
    if (!deps.sendInBackground || deps.signal.aborted) return;
    drain(deps.signal).catch((error: unknown) => log.error({ err: error }, "outbox run failed"));
  };

  /**
   * Sends a message someone is waiting on, and, when Teams asks for a moment
   * (a chat's per-second limit, answered with Retry-After), waits it out and
   * tries again rather than leave it for the next worker run.
   */
  const sendWhileSomeoneWaits = async (messageId: string) => {
    for (let round = 0; round < 4 && !deps.signal.aborted; round++) {
      await sender.sendNow(messageId, deps.signal);
      const next = await nextDueInMs(db, messageId);
      if (next === null || next > 3_000) return;
      if (next > 0) await sleep(next, undefined, { signal: deps.signal });
    }
  };

  return {
    async post(message) {
      const stored = await enqueueMessage(db, message);
      wake();
      return stored;
    },
    async deliver(message) {
      const { messageId } = await enqueueMessage(db, { ...message, interactive: true });
      await sendWhileSomeoneWaits(messageId);
      const rows = await db
        .selectFrom("outbox_delivery")
        .select(["recipient", "state", "conversation_id", "activity_id"])
        .where("message_id", "=", messageId)
        .execute();
      if (rows.some((r) => r.state === "pending")) wake();
      return rows.map((r) => ({
        recipient: r.recipient,
        state: r.state,
        conversationId: r.conversation_id,
        activityId: r.activity_id,
      }));
    },
    async update(update) {
      const { messageId } = await enqueueUpdate(db, update);
      await sendWhileSomeoneWaits(messageId);
      wake();
    },
    wake,
    async settle() {
      while (!deps.signal.aborted) {
        await drain(deps.signal);
        const next = await nextDueInMs(db);
        if (next === null || next > 30_000) return;
        if (next > 0) await sleep(next, undefined, { signal: deps.signal });
      }
    },
    drain,
  };
}
