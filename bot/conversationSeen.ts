import { type Activity, TurnContext } from "botbuilder";
import type { ConversationSeen } from "../core/conversations/conversationRepository";

/** Maps botbuilder's view of an activity to what core keeps about a conversation. */
export function conversationSeenFrom(activity: Activity): ConversationSeen {
  const ref = TurnContext.getConversationReference(activity);
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  const tenantId = activity.conversation.tenantId ?? channelData?.tenant?.id;
  const conversationType = activity.conversation.conversationType ?? "personal";
  const seen: ConversationSeen = {
    conversationType,
    reference: {
      channelId: activity.channelId,
      serviceUrl: activity.serviceUrl,
      conversation: {
        id: activity.conversation.id,
        conversationType,
        ...(tenantId ? { tenantId } : {}),
        ...(activity.conversation.isGroup !== undefined ? { isGroup: activity.conversation.isGroup } : {}),
      },
      bot: { id: ref.bot?.id ?? activity.recipient.id },
      ...(activity.from?.aadObjectId ? { user: { id: activity.from.id, aadObjectId: activity.from.aadObjectId } } : {}),
      ...(activity.locale ? { locale: activity.locale } : {}),
    },
  };
  if (activity.from?.aadObjectId) {
    seen.user = {
      aadObjectId: activity.from.aadObjectId,
      teamsUserId: activity.from.id,
      ...(activity.locale ? { locale: activity.locale } : {}),
    };
  }
  return seen;
}
