import { sql } from "kysely";
import { csvFile } from "../csvFile";
import { type MessageKey, t } from "../messages/catalogue";
import type { Db } from "../store/database";
import { inChunks } from "../store/inChunks";
import { type DeliveryReason, type DeliveryState, deliveryStates, type OutboxActivity } from "./outboxTables";

export type { DeliveryState, OutboxActivity };

/** A person (the sender finds or opens their 1:1 chat, installing the app if need be) or a known conversation. */
export type OutboxRecipient = { aadObjectId: string } | { conversationId: string };

export type OutboxMessage = {
  /** Unique per message ("pulse-run:12"). Enqueuing the same key again adds only recipients not yet on it. */
  key: string;
  /** What it is, for logs and reports: "pulse.invite", "request.approval", … */
  purpose: string;
  /** Free JSON kept with the message. */
  subject?: Record<string, unknown>;
  /** What every recipient gets unless a recipient carries its own. */
  activity: OutboxActivity;
  recipients: (OutboxRecipient & { activity?: OutboxActivity })[];
  /** A notice someone is waiting on (an approval card) goes before broadcasts such as pulses. */
  interactive?: boolean;
};

/** A card the outbox sent earlier, to be replaced in place. */
export type OutboxUpdate = {
  key: string;
  purpose: string;
  subject?: Record<string, unknown>;
  conversationId: string;
  activityId: string;
  activity: OutboxActivity;
};

const recipientKey = (r: OutboxRecipient) =>
  "aadObjectId" in r ? `person:${r.aadObjectId}` : `conversation:${r.conversationId}`;

/**
 * Stores a message and one delivery per recipient, in the caller's transaction
 * if it has one. Idempotent by key and recipient: a retried call, or a second
 * instance doing the same work, adds nothing twice.
 */
export async function enqueueMessage(db: Db, message: OutboxMessage): Promise<{ messageId: string; added: number }> {
  const messageId = await messageIdFor(db, message);
  const people = message.recipients.flatMap((r) => ("aadObjectId" in r ? [r.aadObjectId] : []));
  const chats = await personalConversations(db, people);
  let added = 0;
  for (const chunk of inChunks(message.recipients, 1_000)) {
    const result = await db
      .insertInto("outbox_delivery")
      .values(
        chunk.map((r) => ({
          message_id: messageId,
          recipient: recipientKey(r),
          person_aad_id: "aadObjectId" in r ? r.aadObjectId : null,
          conversation_id: "aadObjectId" in r ? (chats.get(r.aadObjectId) ?? null) : r.conversationId,
          activity: r.activity ? JSON.stringify(r.activity) : null,
          priority: message.interactive ? 0 : 1,
        })),
      )
      .onConflict((oc) => oc.columns(["message_id", "recipient"]).doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return { messageId, added };
}

/** Replaces an activity the app posted earlier (a card redrawn after a decision), through the same queue. */
export async function enqueueUpdate(db: Db, update: OutboxUpdate): Promise<{ messageId: string; added: number }> {
  const messageId = await messageIdFor(db, { ...update, recipients: [] });
  const result = await db
    .insertInto("outbox_delivery")
    .values({
      message_id: messageId,
      recipient: `conversation:${update.conversationId}`,
      conversation_id: update.conversationId,
      operation: "update",
      target_activity_id: update.activityId,
      activity: JSON.stringify(update.activity),
      priority: 0,
    })
    .onConflict((oc) => oc.columns(["message_id", "recipient"]).doNothing())
    .executeTakeFirst();
  return { messageId, added: Number(result.numInsertedOrUpdatedRows ?? 0n) };
}

async function messageIdFor(db: Db, message: Omit<OutboxMessage, "recipients"> & { recipients: unknown[] }) {
  const inserted = await db
    .insertInto("outbox_message")
    .values({
      key: message.key,
      purpose: message.purpose,
      subject: JSON.stringify(message.subject ?? {}),
      activity: JSON.stringify(message.activity),
    })
    .onConflict((oc) => oc.column("key").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return inserted.id;
  const existing = await db
    .selectFrom("outbox_message")
    .select("id")
    .where("key", "=", message.key)
    .executeTakeFirstOrThrow();
  return existing.id;
}

/** The 1:1 chat each person already has with the app, where there is one. */
async function personalConversations(db: Db, aadObjectIds: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const chunk of inChunks([...new Set(aadObjectIds)], 1_000)) {
    const rows = await db
      .selectFrom("bot_user")
      .innerJoin("bot_conversation", "bot_conversation.id", "bot_user.personal_conversation_id")
      .select(["bot_user.aad_object_id", "bot_conversation.id"])
      .where("bot_user.aad_object_id", "in", chunk)
      .where("bot_conversation.installed", "=", true)
      .execute();
    for (const row of rows) found.set(row.aad_object_id, row.id);
  }
  return found;
}

/** Stops every delivery of these messages that has not started; returns how many were stopped. */
export async function cancelMessages(db: Db, keys: readonly string[]): Promise<number> {
  if (keys.length === 0) return 0;
  await db
    .updateTable("outbox_message")
    .set({ cancelled_at: sql`now()` })
    .where("key", "in", keys)
    .where("cancelled_at", "is", null)
    .execute();
  const result = await db
    .updateTable("outbox_delivery")
    .set({ state: "cancelled", reason: "cancelled", lease_until: null, updated_at: sql`now()` })
    .where("state", "in", ["pending", "claimed"])
    .where("message_id", "in", (eb) => eb.selectFrom("outbox_message").select("id").where("key", "in", keys))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export type DeliveryProblem = {
  aadObjectId: string | null;
  name: string | null;
  userPrincipalName: string | null;
  directorate: string | null;
  state: "failed" | "unreachable";
  reason: string;
};

export type DeliveryReport = {
  total: number;
  byState: Record<Exclude<DeliveryState, "claimed">, number>;
  /** Sent again after a sender died mid-send with no way to tell whether Teams had the first. */
  possibleDuplicates: number;
  problems: DeliveryProblem[];
};

const reasonText = (reason: string | null): string =>
  reason ? t(`outbox.reason.${reason as DeliveryReason}` as MessageKey) : "";

/** Counts by state for these messages, and who could not be reached, with why in words. */
export async function deliveryReport(db: Db, keys: readonly string[]): Promise<DeliveryReport> {
  const byState = Object.fromEntries(
    deliveryStates.filter((s) => s !== "claimed").map((s) => [s, 0]),
  ) as DeliveryReport["byState"];
  if (keys.length === 0) return { total: 0, byState, possibleDuplicates: 0, problems: [] };
  const counts = await deliveries(db, keys)
    .select(({ fn }) => [
      "outbox_delivery.state",
      fn.countAll<string>().as("count"),
      fn.sum<string>(sql`case when outbox_delivery.possible_duplicate then 1 else 0 end`).as("duplicates"),
    ])
    .groupBy("outbox_delivery.state")
    .execute();
  let total = 0;
  let possibleDuplicates = 0;
  for (const row of counts) {
    // A claimed delivery has not started: for the report it is still waiting.
    const state = row.state === "claimed" ? "pending" : row.state;
    byState[state] += Number(row.count);
    total += Number(row.count);
    possibleDuplicates += Number(row.duplicates ?? 0);
  }
  const problems = await deliveries(db, keys)
    .leftJoin("directory_user", "directory_user.id", "outbox_delivery.person_aad_id")
    .select([
      "outbox_delivery.person_aad_id",
      "outbox_delivery.state",
      "outbox_delivery.reason",
      "directory_user.display_name",
      "directory_user.user_principal_name",
      "directory_user.department",
    ])
    .where("outbox_delivery.state", "in", ["failed", "unreachable"])
    .orderBy("directory_user.department")
    .orderBy("directory_user.display_name")
    .execute();
  return {
    total,
    byState,
    possibleDuplicates,
    problems: problems.map((p) => ({
      aadObjectId: p.person_aad_id,
      name: p.display_name,
      userPrincipalName: p.user_principal_name,
      directorate: p.department,
      state: p.state as "failed" | "unreachable",
      reason: reasonText(p.reason),
    })),
  };
}

/** Every delivery of these messages as a CSV file: who, where, what happened and when. */
export async function deliveryCsv(db: Db, keys: readonly string[]): Promise<string> {
  const rows =
    keys.length === 0
      ? []
      : await deliveries(db, keys)
          .leftJoin("directory_user", "directory_user.id", "outbox_delivery.person_aad_id")
          .select([
            "outbox_message.key",
            "outbox_delivery.recipient",
            "outbox_delivery.state",
            "outbox_delivery.reason",
            "outbox_delivery.sent_at",
            "outbox_delivery.possible_duplicate",
            "directory_user.display_name",
            "directory_user.user_principal_name",
            "directory_user.department",
          ])
          .orderBy("outbox_message.id")
          .orderBy("directory_user.department")
          .orderBy("directory_user.display_name")
          .orderBy("outbox_delivery.id")
          .execute();
  const header = (
    [
      "outbox.csv.message",
      "outbox.csv.name",
      "outbox.csv.userPrincipalName",
      "outbox.csv.directorate",
      "outbox.csv.state",
      "outbox.csv.reason",
      "outbox.csv.sentAt",
    ] as const
  ).map((key) => t(key));
  return csvFile([
    header,
    ...rows.map((r) => [
      r.key,
      r.display_name ?? r.recipient,
      r.user_principal_name ?? "",
      r.department ?? "",
      t(`outbox.state.${r.state === "claimed" ? "pending" : r.state}` as MessageKey),
      r.possible_duplicate && !r.reason ? t("outbox.reason.possible-duplicate") : reasonText(r.reason),
      r.sent_at ? new Date(r.sent_at).toISOString() : "",
    ]),
  ]);
}

const deliveries = (db: Db, keys: readonly string[]) =>
  db
    .selectFrom("outbox_delivery")
    .innerJoin("outbox_message", "outbox_message.id", "outbox_delivery.message_id")
    .where("outbox_message.key", "in", keys);
