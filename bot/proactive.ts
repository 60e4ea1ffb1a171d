import type { Activity, CloudAdapter, ConversationReference } from "botbuilder";
import type { StoredConversationReference } from "../core/conversations/conversationTable";

/**
 * Sends to a conversation outside a turn (a requester's 1:1 chat, the
 * service-desk channel) and returns the new activity's id. The outbox with
 * Teams' rate limits and retries replaces these direct sends when it lands.
 */
export async function sendProactive(
  adapter: CloudAdapter,
  botAppId: string,
  reference: StoredConversationReference,
  activity: Partial<Activity>,
): Promise<string | undefined> {
  let id: string | undefined;
  await adapter.continueConversationAsync(botAppId, reference as Partial<ConversationReference>, async (context) => {
    id = (await context.sendActivity(activity))?.id;
  });
  return id;
}

/** Replaces a card the bot posted earlier, outside a turn. */
export async function updateProactive(
  adapter: CloudAdapter,
  botAppId: string,
  reference: StoredConversationReference,
  activityId: string,
  activity: Partial<Activity>,
): Promise<void> {
  await adapter.continueConversationAsync(botAppId, reference as Partial<ConversationReference>, async (context) => {
    await context.updateActivity({ ...activity, id: activityId, type: "message" });
  });
}
