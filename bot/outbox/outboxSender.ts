import { setTimeout as sleep } from "node:timers/promises";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { recordUninstall } from "../../core/conversations/conversationRepository";
import {
  type ClaimedDelivery,
  claimDue,
  finish,
  recordSent,
  recoverAbandoned,
  reserveSlots,
  retryAt,
  setConversation,
  startSending,
} from "../../core/outbox/outboxQueue";
import type { Database } from "../../core/store/database";
import { SlidingWindowLimiter } from "../../core/teamsLimits/slidingWindowLimiter";
import { perConversationLimits } from "../../core/teamsLimits/teamsLimits";
import type { Recipients } from "./recipients";
import { ChannelError, type TeamsChannel } from "./teamsChannel";

/** A conversation's limit that clears within this is waited out; a longer one (the hourly) is retried later. */
const maxConversationWaitMs = 2_000;

/**
 * The least gap between two sends of one instance. Below a slot, so that sends
 * held up (by a slow write, a busy process) can catch up to the shared
 * schedule; the rule on answers keeps any second at 50.
 */
const minGapMs = 15;

/** How long before its slot a delivery's store work starts. */
const prepareLeadMs = 25;

/** What a sender can find out about a delivery whose sender died mid-send. */
export type InDoubtVerdict = { delivered: true; activityId: string | null } | { delivered: false } | "unknown";

export type SenderOptions = {
  /** This sender's name in the store (instance id): leases are held in it. */
  senderId: string;
  /** How long a claimed or sending delivery stays this sender's without word from it. */
  leaseMs: number;
  /** Deliveries claimed at once: about a second's worth at full speed. */
  batchSize: number;
  /** Gap between sends across every instance: 1000/49.5 keeps 1% under Teams' 50 a second. */
  slotMs: number;
  /** Give up on a delivery Teams keeps failing (5xx, no answer) after this many tries. */
  maxAttempts: number;
};

export const defaultSenderOptions: Omit<SenderOptions, "senderId"> = {
  leaseMs: 30_000,
  batchSize: 50,
  slotMs: 1000 / 49.5,
  maxAttempts: 6,
};

export type SenderDeps = {
  db: Kysely<Database>;
  log: Logger;
  channel: TeamsChannel;
  recipients: Recipients;
  /** Asks Teams' side whether an in-doubt delivery arrived; without it, in-doubt deliveries are sent again and flagged. */
  verify?: (delivery: ClaimedDelivery) => Promise<InDoubtVerdict>;
};

/**
 * Sends what the outbox holds at Teams' speed limit: claims a batch, takes
 * that many slots from the budget all instances share, sends each in its
 * slot, and records every outcome. Safe to kill at any point: a claimed
 * delivery not yet started goes back to the queue when its lease ends; one
 * that was going out is checked (or sent again, flagged) by whoever finds it.
 */
export class OutboxSender {
  private readonly perConversation = new SlidingWindowLimiter(perConversationLimits);
  private lastDispatchAt = Number.NEGATIVE_INFINITY;
  /** When Teams answered each of the last 50 sends (infinity while one is under way), by send number mod 50. */
  private readonly answeredAt: number[] = [];
  private dispatched = 0;
  private pausedUntil = 0;

  constructor(
    private readonly deps: SenderDeps,
    private readonly options: SenderOptions,
  ) {}

  /** Sends until nothing is due or the signal aborts. Returns how many deliveries it handled. */
  async drain(signal: AbortSignal): Promise<number> {
    let handled = 0;
    let previous: Promise<void> = Promise.resolve();
    while (!signal.aborted) {
      handled += await this.recover();
      const batch = await claimDue(this.deps.db, { ...this.holder, limit: this.options.batchSize });
      if (batch.length === 0) break;
      handled += batch.length;
      const { firstInMs } = await reserveSlots(this.deps.db, batch.length, this.options.slotMs);
      const startAt = performance.now() + firstInMs;
      // One batch sends while the next is claimed, so the slots follow on without a gap.
      const sending = this.sendBatch(batch, startAt, signal);
      await previous;
      previous = sending;
    }
    await previous;
    return handled;
  }

  /** Sends one message's due deliveries now, in slots from the shared budget. */
  async sendNow(messageId: string, signal: AbortSignal): Promise<void> {
    const batch = await claimDue(this.deps.db, { ...this.holder, limit: this.options.batchSize, messageId });
    if (batch.length === 0) return;
    const { firstInMs } = await reserveSlots(this.deps.db, batch.length, this.options.slotMs);
    await this.sendBatch(batch, performance.now() + firstInMs, signal);
  }

  private get holder() {
    return { sender: this.options.senderId, leaseMs: this.options.leaseMs };
  }

  private async recover(): Promise<number> {
    const lost = await recoverAbandoned(this.deps.db, { ...this.holder, limit: this.options.batchSize });
    for (const delivery of lost) {
      const verdict = this.deps.verify ? await this.deps.verify(delivery).catch(() => "unknown" as const) : "unknown";
      if (verdict === "unknown") {
        await retryAt(this.deps.db, delivery.id, { at: new Date(), possibleDuplicate: true });
      } else if (verdict.delivered) {
        await recordSent(this.deps.db, delivery.id, { activityId: verdict.activityId, conversationId: null });
      } else {
        await retryAt(this.deps.db, delivery.id, { at: new Date() });
      }
    }
    if (lost.length > 0)
      this.deps.log.warn({ deliveries: lost.length }, "took over deliveries a stopped sender had started");
    return lost.length;
  }

  /** Each delivery in its slot; deliveries to one conversation one after another, in order. */
  private async sendBatch(batch: ClaimedDelivery[], startAt: number, signal: AbortSignal): Promise<void> {
    const chains = new Map<string, Promise<void>>();
    const all: Promise<void>[] = [];
    batch
      .sort((a, b) => Number(a.id) - Number(b.id))
      .forEach((delivery, index) => {
        const slot = startAt + index * this.options.slotMs;
        const key = delivery.conversationId ?? `person:${delivery.personAadId}`;
        const run = (chains.get(key) ?? Promise.resolve()).then(() => this.sendInSlot(delivery, slot, signal));
        chains.set(key, run);
        all.push(run);
      });
    await Promise.all(all);
  }

  private async sendInSlot(delivery: ClaimedDelivery, slot: number, signal: AbortSignal): Promise<void> {
    try {
      // The store work comes just before the slot, so that only the send itself is left at the slot.
      const wait = Math.max(slot - prepareLeadMs, this.pausedUntil) - performance.now();
      if (wait > 0) await sleep(wait, undefined, { signal });
      await this.deliver(delivery, Math.max(slot, this.pausedUntil));
    } catch (error) {
      if (signal.aborted) {
        // Shutting down: a delivery not yet started goes straight back for the next sender.
        await retryAt(this.deps.db, delivery.id, { at: new Date() }).catch(() => {});
        return;
      }
      this.deps.log.error({ err: error, delivery: delivery.id }, "outbox delivery failed unexpectedly; retrying later");
      await retryAt(this.deps.db, delivery.id, {
        at: this.backoff(delivery.attempts + 1),
        detail: String(error),
      }).catch(() => {});
    }
  }

  private async deliver(delivery: ClaimedDelivery, slot: number): Promise<void> {
    const { db, recipients } = this.deps;
    let conversationId = delivery.conversationId;
    let reference = delivery.reference ?? (conversationId ? await recipients.reference(conversationId) : null);
    if (!reference && delivery.personAadId) {
      const reached = await recipients.person(delivery.personAadId).catch(async (error: unknown) => {
        // Graph or Teams could not open the chat just now: a try like any other send.
        await this.triedAndFailed(delivery, String(error));
        return null;
      });
      if (!reached) return;
      if ("unreachable" in reached) {
        await finish(db, delivery.id, {
          state: "unreachable",
          reason: reached.unreachable,
          ...(reached.detail ? { detail: reached.detail } : {}),
        });
        return;
      }
      reference = reached.reference;
      conversationId = reference.conversation.id;
      await setConversation(db, delivery.id, conversationId);
    }
    if (!reference || !conversationId) {
      await finish(db, delivery.id, { state: "failed", reason: "conversation-gone" });
      return;
    }
    const limitedFor = this.perConversation.waitMs(conversationId);
    if (limitedFor > maxConversationWaitMs) {
      await retryAt(db, delivery.id, { at: new Date(Date.now() + limitedFor) });
      return;
    }
    // A chat's few-second limits pass quickly: wait rather than leave the message for a later run.
    if (limitedFor > 0) await sleep(limitedFor);
    // Marked as going out only now, at its slot: a crash leaves in doubt just the sends under way.
    await this.keepToSlot(slot);
    await this.paceDispatch();
    const turn = this.dispatched++ % 50;
    this.answeredAt[turn] = Number.POSITIVE_INFINITY;
    let sending = false;
    try {
      sending = await startSending(db, delivery.id, this.holder);
    } finally {
      if (!sending) this.answeredAt[turn] = performance.now();
    }
    if (!sending) return;
    this.perConversation.record(conversationId);
    let activityId: string | null = null;
    let refusal: ChannelError | null = null;
    try {
      if (delivery.operation === "update" && delivery.targetActivityId) {
        await this.deps.channel.update(reference, delivery.targetActivityId, delivery.activity);
        activityId = delivery.targetActivityId;
      } else {
        activityId = await this.deps.channel.send(reference, delivery.activity);
      }
    } catch (error) {
      if (!(error instanceof ChannelError)) throw error;
      refusal = error;
    } finally {
      this.answeredAt[turn] = performance.now();
    }
    if (refusal) await this.afterRefusal(delivery, conversationId, refusal);
    else await recordSent(db, delivery.id, { activityId, conversationId });
  }

  private async afterRefusal(delivery: ClaimedDelivery, conversationId: string, error: ChannelError) {
    const { db, log } = this.deps;
    const { status, code, retryAfterMs, message } = error.failure;
    const attempts = delivery.attempts + 1;
    const detail = `${status}${code ? ` ${code}` : ""}: ${message}`.slice(0, 500);
    if (status === 429) {
      const waitMs = retryAfterMs ?? 1_000;
      // Teams asks the bot to slow down: every send waits, not just this one.
      this.pausedUntil = Math.max(this.pausedUntil, performance.now() + waitMs);
      await retryAt(db, delivery.id, { at: new Date(Date.now() + waitMs), detail });
      return;
    }
    if (status === 0 || status >= 500 || status === 412) {
      await this.triedAndFailed(delivery, detail, attempts);
      return;
    }
    if (delivery.personAadId && (status === 403 || status === 404)) {
      // The person removed the app, or the chat is gone: forget it; a later message installs afresh.
      await recordUninstall(db, conversationId);
      await finish(db, delivery.id, {
        state: "unreachable",
        reason: status === 403 ? "removed-app" : "conversation-gone",
        detail,
      });
      return;
    }
    log.warn({ delivery: delivery.id, status, code }, "Teams refused an outbox delivery");
    await finish(db, delivery.id, {
      state: "failed",
      reason: status === 404 ? "conversation-gone" : "rejected",
      detail,
    });
  }

  /** Waits for the slot this send was given from the shared budget. */
  private async keepToSlot(slot: number): Promise<void> {
    const wait = slot - performance.now();
    if (wait > 0) await sleep(wait);
  }

  /**
   * Teams counts a message when it arrives, somewhere between its dispatch
   * and its answer. A send goes out at least minGapMs after the last one (so
   * that after a stall nothing catches up in a burst) and over a second after the answer
   * to the send 50 before it (so that no second can hold 51 arrivals, however
   * slow one request was).
   */
  private async paceDispatch(): Promise<void> {
    for (;;) {
      const fiftyBack = this.answeredAt[this.dispatched % 50];
      const earliest = Math.max(this.lastDispatchAt + minGapMs, fiftyBack === undefined ? 0 : fiftyBack + 1_001);
      const wait = earliest - performance.now();
      if (wait <= 0 && fiftyBack !== Number.POSITIVE_INFINITY) break;
      await sleep(Math.max(1, wait === Number.POSITIVE_INFINITY ? 5 : wait));
    }
    this.lastDispatchAt = performance.now();
  }

  /** A failure worth another try later, until the tries run out. */
  private async triedAndFailed(delivery: ClaimedDelivery, detail: string, attempts = delivery.attempts + 1) {
    if (attempts >= this.options.maxAttempts) {
      await finish(this.deps.db, delivery.id, { state: "failed", reason: "gave-up", detail });
    } else {
      await retryAt(this.deps.db, delivery.id, { at: this.backoff(attempts), detail, attempts });
    }
  }

  /** Exponential backoff with jitter: about 2, 4, 8 … seconds, at most five minutes. */
  private backoff(attempts: number): Date {
    const base = Math.min(300_000, 1_000 * 2 ** attempts);
    return new Date(Date.now() + base / 2 + Math.random() * (base / 2));
  }
}
