import type { ColumnType, Generated, Selectable } from "kysely";

/** What a recipient gets: a line of text, an Adaptive Card already rendered, or both. */
export type OutboxActivity = { text?: string; card?: Record<string, unknown> };

/**
 * Where a delivery stands. "claimed" is held by a sender that has not yet
 * started it; "sending" has gone (or is going) to Teams and awaits the answer.
 */
export const deliveryStates = ["pending", "claimed", "sending", "sent", "failed", "unreachable", "cancelled"] as const;
export type DeliveryState = (typeof deliveryStates)[number];

/** States a delivery never leaves. */
export const finalStates = ["sent", "failed", "unreachable", "cancelled"] as const satisfies readonly DeliveryState[];

export type OutboxMessageTable = {
  id: Generated<string>;
  key: string;
  purpose: string;
  subject: ColumnType<Record<string, unknown>, string | undefined, string>;
  activity: ColumnType<OutboxActivity, string, string>;
  created_at: Generated<Date>;
  cancelled_at: Date | null;
};

export type OutboxDeliveryTable = {
  id: Generated<string>;
  message_id: string;
  recipient: string;
  person_aad_id: string | null;
  conversation_id: string | null;
  /** 0: someone is waiting for it; 1: part of a broadcast. Lower goes first. */
  priority: Generated<number>;
  /** "send" posts a new activity; "update" replaces target_activity_id in place. */
  operation: Generated<"send" | "update">;
  target_activity_id: string | null;
  /** This recipient's own activity, when it differs from the message's. */
  activity: ColumnType<OutboxActivity | null, string | null, string | null>;
  state: Generated<DeliveryState>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  claimed_by: string | null;
  lease_until: Date | null;
  sending_since: Date | null;
  activity_id: string | null;
  /** A stable reason code for failed or unreachable (see deliveryReasons). */
  reason: string | null;
  /** What the channel or Graph said, for ICT's eyes. */
  detail: string | null;
  /** The sender died mid-send and nothing could tell whether Teams had it: it was sent again. */
  possible_duplicate: Generated<boolean>;
  sent_at: Date | null;
  updated_at: Generated<Date>;
};

export type OutboxBudgetTable = {
  name: string;
  next_slot_at: Date;
};

export type OutboxMessageRow = Selectable<OutboxMessageTable>;
export type OutboxDeliveryRow = Selectable<OutboxDeliveryTable>;

/** Why a delivery ended without reaching someone, each with words in the catalogue. */
export const deliveryReasons = [
  "not-in-directory",
  "no-teams",
  "app-blocked",
  "removed-app",
  "conversation-gone",
  "rejected",
  "gave-up",
  "cancelled",
  "original-not-sent",
  "teams-unknown",
] as const;
export type DeliveryReason = (typeof deliveryReasons)[number];
