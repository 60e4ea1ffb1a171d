import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { channelReachedThrough, latestConversation } from "../../core/conversations/conversationRepository";
import type { StoredConversationReference } from "../../core/conversations/conversationTable";
import { t } from "../../core/messages/catalogue";
import { recentQuestions } from "../../core/servicedesk/questionLog";
import type { Ticket, TicketSource } from "../../core/servicedesk/serviceDeskTables";
import { type Agent, notesOf, raiseTicket, recordChannelCard, ticketReference } from "../../core/servicedesk/tickets";
import type { Db } from "../../core/store/database";
import { deskTicketCard, ratingCard } from "../cards/ticketCards";
import type { Outbox } from "../outbox/outbox";

export type ServiceDeskDeps = {
  db: Db;
  log: Logger;
  /** Every message outside a turn goes through it. */
  outbox: Outbox;
  /** The Teams channel (conversation id) where tickets go; null: tickets are kept but not posted. */
  channelId: string | null;
};

/** Where the service desk works: the configured channel, reached like the requester's chat. */
export function channelReference(
  deps: ServiceDeskDeps,
  via: StoredConversationReference,
): StoredConversationReference | null {
  return deps.channelId ? channelReachedThrough(via, deps.channelId) : null;
}

/**
 * Raises a ticket with the conversation so far (or, from the tab, what the
 * person wrote) and posts it to the service-desk channel. A channel that
 * cannot be reached is logged; the ticket is kept either way.
 */
export async function escalate(
  deps: ServiceDeskDeps,
  props: {
    requester: Agent;
    /** The requester's chat with the bot; null when they raise it in the tab with no chat yet. */
    reference: StoredConversationReference | null;
    subject: string;
    source: TicketSource;
    questionId?: string;
    /** What the person wrote in the tab, in place of the conversation. */
    description?: string;
  },
): Promise<Ticket> {
  const transcript =
    props.description !== undefined
      ? [{ at: new Date().toISOString(), from: "user" as const, text: props.description }]
      : props.reference
        ? (await recentQuestions(deps.db, props.reference.conversation.id)).map((q) => ({
            at: new Date(q.asked_at).toISOString(),
            from: "user" as const,
            text: q.question,
          }))
        : [];
  const ticket = await raiseTicket(deps.db, {
    requester: props.requester,
    conversationId: props.reference?.conversation.id ?? "",
    subject: props.subject,
    transcript,
    source: props.source,
    ...(props.questionId !== undefined ? { questionId: props.questionId } : {}),
  });
  const via = props.reference ?? (await latestConversation(deps.db));
  const channel = via ? channelReference(deps, via) : null;
  if (!channel) {
    deps.log.warn(
      { ticket: ticketReference(ticket.id) },
      deps.channelId
        ? "the bot has no conversation yet to reach the service-desk channel through: ticket kept, not posted"
        : "no service-desk channel configured (SERVICE_DESK_CHANNEL_ID): ticket kept, not posted",
    );
    return ticket;
  }
  const [posted] = await deps.outbox.deliver({
    key: `ticket:${ticket.id}:desk`,
    purpose: "ticket.desk",
    activity: { card: deskTicketCard(ticket, []) },
    recipients: [{ conversationId: channel.conversation.id }],
  });
  if (posted?.activityId) await recordChannelCard(deps.db, ticket.id, channel.conversation.id, posted.activityId);
  else
    deps.log.error(
      { ticket: ticketReference(ticket.id), state: posted?.state },
      "the ticket is not yet in the channel",
    );
  return ticket;
}

/** The requester hears about every step in their 1:1 chat; a resolved ticket brings the rating card. */
export async function tellRequester(deps: ServiceDeskDeps, ticket: Ticket, text: string) {
  const requester = { aadObjectId: ticket.requester_aad_id };
  // Each step is told once: the step itself was taken once, by a guarded update.
  const step = randomUUID();
  await deps.outbox.deliver({
    key: `ticket:${ticket.id}:told:${step}`,
    purpose: "ticket.notice",
    activity: { text },
    recipients: [requester],
  });
  if (ticket.status === "resolved") {
    await deps.outbox.deliver({
      key: `ticket:${ticket.id}:rating`,
      purpose: "ticket.rating",
      activity: { card: ratingCard(ticket) },
      recipients: [requester],
    });
  }
}

/** The desk card as it is now, for an in-place update. */
export async function currentDeskCard(deps: ServiceDeskDeps, ticket: Ticket) {
  return deskTicketCard(ticket, await notesOf(deps.db, ticket.id));
}

export const subjectFrom = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, 120) || t("selfhelp.talk");
