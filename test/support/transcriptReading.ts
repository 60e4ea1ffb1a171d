import type { Transcript } from "../../bot/devchannel/transcript";

/** The cards the bot has delivered to a conversation, oldest first, with where each went and how. */
export const cardsIn = <Card>(transcript: Transcript, conversationId: string) =>
  transcript.delivered(conversationId).flatMap((e) =>
    ((e.body.attachments as { content: Card }[] | undefined) ?? []).map((a) => ({
      card: a.content,
      activityId: e.activityId,
      kind: e.kind,
    })),
  );

/** The plain text messages the bot has delivered to a conversation, oldest first. */
export const textsIn = (transcript: Transcript, conversationId: string) =>
  transcript.delivered(conversationId).flatMap((e) => (typeof e.body.text === "string" ? [e.body.text] : []));
