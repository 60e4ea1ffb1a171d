import { sql } from "kysely";
import type { Db } from "../store/database";
import type { BotConversationRow, StoredConversationReference } from "./conversationTable";

/** What the bot learned about a conversation from one activity. */
export type ConversationSeen = {
  reference: StoredConversationReference;
  /** "personal", "groupChat" or "channel". */
  conversationType: string;
  /** The person who sent the activity, when Teams named their Entra object id. */
  user?: { aadObjectId: string; teamsUserId: string; locale?: string };
};

/**
 * Keeps the newest reference to a conversation (Teams may move a conversation's
 * service URL) and who is in it, so proactive messages can reach them later.
 */
export async function recordConversation(db: Db, seen: ConversationSeen): Promise<void> {
  const { reference } = seen;
  const tenantId = reference.conversation.tenantId ?? null;
  await db
    .insertInto("bot_conversation")
    .values({
      id: reference.conversation.id,
      conversation_type: seen.conversationType,
      tenant_id: tenantId,
      service_url: reference.serviceUrl,
      reference: JSON.stringify(reference),
    })
    .onConflict((oc) =>
      oc.column("id").doUpdateSet({
        service_url: reference.serviceUrl,
        reference: JSON.stringify(reference),
        installed: true,
        updated_at: sql`now()`,
      }),
    )
    .execute();

  if (!seen.user) return;
  const personalId = seen.conversationType === "personal" ? reference.conversation.id : null;
  await db
    .insertInto("bot_user")
    .values({
      aad_object_id: seen.user.aadObjectId,
      teams_user_id: seen.user.teamsUserId,
      tenant_id: tenantId,
      personal_conversation_id: personalId,
      locale: seen.user.locale ?? null,
    })
    .onConflict((oc) =>
      oc.column("aad_object_id").doUpdateSet((eb) => ({
        teams_user_id: seen.user?.teamsUserId ?? "",
        personal_conversation_id: personalId ?? eb.ref("bot_user.personal_conversation_id"),
        locale: seen.user?.locale ?? eb.ref("bot_user.locale"),
        last_seen_at: sql`now()`,
      })),
    )
    .execute();
}

/**
 * Claims the right to welcome a conversation. True exactly once per install,
 * however many install events Teams sends and however many instances see them.
 */
export async function claimWelcome(db: Db, conversationId: string): Promise<boolean> {
  const result = await db
    .updateTable("bot_conversation")
    .set({ welcomed_at: sql`now()` })
    .where("id", "=", conversationId)
    .where("welcomed_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** The app was removed: stop messaging there; a reinstall welcomes again. */
export async function recordUninstall(db: Db, conversationId: string): Promise<void> {
  await db
    .updateTable("bot_conversation")
    .set({ installed: false, welcomed_at: null, updated_at: sql`now()` })
    .where("id", "=", conversationId)
    .execute();
}

/** The 1:1 conversation the bot has with a person, if the app is installed for them. */
export async function findPersonalConversation(db: Db, aadObjectId: string): Promise<BotConversationRow | undefined> {
  return db
    .selectFrom("bot_user")
    .innerJoin("bot_conversation", "bot_conversation.id", "bot_user.personal_conversation_id")
    .selectAll("bot_conversation")
    .where("bot_user.aad_object_id", "=", aadObjectId)
    .where("bot_conversation.installed", "=", true)
    .executeTakeFirst();
}

/**
 * The reference of the conversation the bot heard from last. A channel the
 * bot has never been spoken to in is reached through another conversation's
 * service URL; this is the one to borrow when the person has no chat of their own.
 */
export async function latestConversation(db: Db): Promise<StoredConversationReference | undefined> {
  const row = await db
    .selectFrom("bot_conversation")
    .select("reference")
    .where("installed", "=", true)
    .orderBy("updated_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.reference;
}

/**
 * A channel's reference, borrowed from another conversation's (the same Bot
 * Connector and tenant): a channel the bot has never been spoken to in has none
 * of its own.
 */
export function channelReachedThrough(
  via: StoredConversationReference,
  channelId: string,
): StoredConversationReference {
  return {
    ...via,
    conversation: {
      id: channelId,
      conversationType: "channel",
      isGroup: true,
      ...(via.conversation.tenantId ? { tenantId: via.conversation.tenantId } : {}),
    },
  };
}
