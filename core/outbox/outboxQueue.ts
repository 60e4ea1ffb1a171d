import { sql } from "kysely";
import type { StoredConversationReference } from "../conversations/conversationTable";
import type { Db } from "../store/database";
import type { DeliveryReason, OutboxActivity } from "./outboxTables";

/** A delivery a sender holds, with everything needed to send it. */
export type ClaimedDelivery = {
  id: string;
  messageKey: string;
  purpose: string;
  personAadId: string | null;
  conversationId: string | null;
  /** Where the conversation is, when the app has seen it (the channel is found otherwise). */
  reference: StoredConversationReference | null;
  operation: "send" | "update";
  targetActivityId: string | null;
  activity: OutboxActivity;
  attempts: number;
};

type Holder = { sender: string; leaseMs: number };

const leaseEnd = (leaseMs: number) => sql<Date>`now() + ${`${leaseMs} milliseconds`}::interval`;

/**
 * Takes up to `limit` due deliveries for this sender. SKIP LOCKED lets other
 * instances claim other rows at the same moment; a conversation another
 * sender is working in is left to it, which keeps each chat's order and
 * Teams' per-conversation limit.
 */
export async function claimDue(
  db: Db,
  holder: Holder & { limit: number; messageId?: string },
): Promise<ClaimedDelivery[]> {
  const result = await sql<ClaimedRow>`
    with due as (
      select d.id from outbox_delivery d
      where d.state = 'pending' and d.next_attempt_at <= now()
        ${holder.messageId === undefined ? sql`` : sql`and d.message_id = ${holder.messageId}`}
        and (d.conversation_id is null or not exists (
          select 1 from outbox_delivery busy
          where busy.conversation_id = d.conversation_id and busy.state in ('claimed', 'sending')))
      order by d.priority, d.next_attempt_at, d.id
      limit ${holder.limit}
      for update skip locked)
    update outbox_delivery d
    set state = 'claimed', claimed_by = ${holder.sender}, lease_until = ${leaseEnd(holder.leaseMs)}, updated_at = now()
    from due, outbox_message m
    where d.id = due.id and m.id = d.message_id
    returning ${claimedColumns}`.execute(db);
  return result.rows.map(fromRow);
}

/**
 * Deliveries whose sender died before starting them go back to the queue;
 * those it had started are handed to this sender to find out whether Teams
 * has them (they are "in doubt").
 */
export async function recoverAbandoned(db: Db, holder: Holder & { limit: number }): Promise<ClaimedDelivery[]> {
  await db
    .updateTable("outbox_delivery")
    .set({ state: "pending", claimed_by: null, lease_until: null, updated_at: sql`now()` })
    .where("state", "=", "claimed")
    .where("lease_until", "<", sql<Date>`now()`)
    .execute();
  const result = await sql<ClaimedRow>`
    with lost as (
      select d.id from outbox_delivery d
      where d.state = 'sending' and d.lease_until < now()
      order by d.id limit ${holder.limit}
      for update skip locked)
    update outbox_delivery d
    set claimed_by = ${holder.sender}, lease_until = ${leaseEnd(holder.leaseMs)}, updated_at = now()
    from lost, outbox_message m
    where d.id = lost.id and m.id = d.message_id
    returning ${claimedColumns}`.execute(db);
  return result.rows.map(fromRow);
}

/**
 * Marks the delivery as going to Teams now. False when it is no longer this
 * sender's to send (cancelled, or its lease ran out and another took it).
 */
export async function startSending(db: Db, id: string, holder: Holder): Promise<boolean> {
  const result = await db
    .updateTable("outbox_delivery")
    .set({
      state: "sending",
      sending_since: sql`now()`,
      attempts: sql`attempts + 1`,
      lease_until: leaseEnd(holder.leaseMs),
      updated_at: sql`now()`,
    })
    .where("id", "=", id)
    .where("state", "=", "claimed")
    .where("claimed_by", "=", holder.sender)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Teams has it. Recorded whoever holds the row now: the fact stands. */
export async function recordSent(
  db: Db,
  id: string,
  props: { activityId: string | null; conversationId: string | null },
): Promise<void> {
  await db
    .updateTable("outbox_delivery")
    .set({
      state: "sent",
      activity_id: props.activityId,
      ...(props.conversationId ? { conversation_id: props.conversationId } : {}),
      sent_at: sql`now()`,
      claimed_by: null,
      lease_until: null,
      reason: null,
      detail: null,
      updated_at: sql`now()`,
    })
    .where("id", "=", id)
    .where("state", "in", ["claimed", "sending"])
    .execute();
}

/** Back to the queue, to be tried at `at`; `possibleDuplicate` marks a resend of an in-doubt delivery. */
export async function retryAt(
  db: Db,
  id: string,
  props: { at: Date; detail?: string; possibleDuplicate?: boolean; conversationId?: string | null; attempts?: number },
): Promise<void> {
  await db
    .updateTable("outbox_delivery")
    .set({
      state: "pending",
      next_attempt_at: props.at,
      claimed_by: null,
      lease_until: null,
      ...(props.detail !== undefined ? { detail: props.detail } : {}),
      ...(props.possibleDuplicate ? { possible_duplicate: true } : {}),
      ...(props.conversationId !== undefined ? { conversation_id: props.conversationId } : {}),
      ...(props.attempts !== undefined ? { attempts: props.attempts } : {}),
      updated_at: sql`now()`,
    })
    .where("id", "=", id)
    .where("state", "in", ["claimed", "sending"])
    .execute();
}

/** The delivery ends without reaching anyone: failed (Teams refused or kept failing) or unreachable. */
export async function finish(
  db: Db,
  id: string,
  props: { state: "failed" | "unreachable"; reason: DeliveryReason; detail?: string },
): Promise<void> {
  await db
    .updateTable("outbox_delivery")
    .set({
      state: props.state,
      reason: props.reason,
      detail: props.detail ?? null,
      claimed_by: null,
      lease_until: null,
      updated_at: sql`now()`,
    })
    .where("id", "=", id)
    .where("state", "in", ["claimed", "sending"])
    .execute();
}

/** The conversation a person's delivery goes to, once found or opened. */
export async function setConversation(db: Db, id: string, conversationId: string): Promise<void> {
  await db.updateTable("outbox_delivery").set({ conversation_id: conversationId }).where("id", "=", id).execute();
}

/** Where an earlier delivery now stands, for an update that must follow it. */
export async function deliveryOfActivity(
  db: Db,
  conversationId: string,
  activityId: string,
): Promise<{ state: string } | undefined> {
  return db
    .selectFrom("outbox_delivery")
    .select("state")
    .where("conversation_id", "=", conversationId)
    .where("activity_id", "=", activityId)
    .executeTakeFirst();
}

/**
 * Reserves `count` consecutive sending slots `intervalMs` apart from the
 * budget every instance shares, and says how long until the first is due.
 * One row update per batch: instances queue on the row lock for microseconds.
 */
export async function reserveSlots(db: Db, count: number, intervalMs: number): Promise<{ firstInMs: number }> {
  const span = `${count * intervalMs} milliseconds`;
  const result = await sql<{ first_in_ms: number }>`
    update outbox_budget
    set next_slot_at = greatest(next_slot_at, now()) + ${span}::interval
    where name = 'app'
    returning extract(epoch from (next_slot_at - ${span}::interval - now())) * 1000 as first_in_ms`.execute(db);
  return { firstInMs: Math.max(0, Number(result.rows[0]?.first_in_ms ?? 0)) };
}

/** How long until the next delivery (of one message, or any) is due: 0 for now or in hand, null when all have ended. */
export async function nextDueInMs(db: Db, messageId?: string): Promise<number | null> {
  const row = await db
    .selectFrom("outbox_delivery")
    .select(
      sql<
        number | null
      >`extract(epoch from (min(case when state = 'pending' then next_attempt_at else now() end) - now())) * 1000`.as(
        "ms",
      ),
    )
    .where("state", "in", ["pending", "claimed", "sending"])
    .$if(messageId !== undefined, (qb) => qb.where("message_id", "=", messageId as string))
    .executeTakeFirstOrThrow();
  return row.ms === null ? null : Math.max(0, Number(row.ms));
}

type ClaimedRow = {
  id: string;
  key: string;
  purpose: string;
  person_aad_id: string | null;
  conversation_id: string | null;
  operation: "send" | "update";
  target_activity_id: string | null;
  own_activity: OutboxActivity | null;
  message_activity: OutboxActivity;
  attempts: number;
  reference: StoredConversationReference | null;
};

const claimedColumns = sql`d.id, m.key, m.purpose, d.person_aad_id, d.conversation_id, d.operation,
  d.target_activity_id, d.activity as own_activity, m.activity as message_activity, d.attempts,
  (select c.reference from bot_conversation c where c.id = d.conversation_id) as reference`;

const fromRow = (row: ClaimedRow): ClaimedDelivery => ({
  id: String(row.id),
  messageKey: row.key,
  purpose: row.purpose,
  personAadId: row.person_aad_id,
  conversationId: row.conversation_id,
  reference: row.reference,
  operation: row.operation,
  targetActivityId: row.target_activity_id,
  activity: row.own_activity ?? row.message_activity,
  attempts: row.attempts,
});
