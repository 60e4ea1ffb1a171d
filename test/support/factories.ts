import { randomUUID } from "node:crypto";
import type { ConversationSeen } from "../../core/conversations/conversationRepository";

/** A valid 1:1 conversation as the bot sees it; override any part. */
export function aConversationSeen(overrides: Partial<ConversationSeen> = {}): ConversationSeen {
  const aadObjectId = randomUUID();
  const teamsUserId = `29:${randomUUID()}`;
  const conversationId = `a:${randomUUID()}`;
  return {
    conversationType: "personal",
    reference: {
      channelId: "msteams",
      serviceUrl: "https://smba.trafficmanager.net/uk/",
      conversation: { id: conversationId, conversationType: "personal", tenantId: "tenant-1" },
      bot: { id: "28:bot" },
      user: { id: teamsUserId, aadObjectId },
      locale: "en-GB",
    },
    user: { aadObjectId, teamsUserId, locale: "en-GB" },
    ...overrides,
  };
}
