import { type AdaptiveCardInvokeResponse, CardFactory, type TurnContext } from "botbuilder";
import { z } from "zod";
import { AppError, isAppError } from "../../core/errors";
import { t } from "../../core/messages/catalogue";
import { recordFeedback } from "../../core/servicedesk/questionLog";
import type { Ticket } from "../../core/servicedesk/serviceDeskTables";
import {
  addTicketNote,
  assignTicket,
  findTicket,
  rateTicket,
  resolveTicket,
  ticketReference,
} from "../../core/servicedesk/tickets";
import { cardVerbs } from "../cards/cardVerbs";
import { cardResponse, invalidCardData } from "../cards/invokeResponses";
import type { AdaptiveCardJson } from "../cards/renderCard";
import { answerCard, messageCard } from "../cards/selfHelpCards";
import { conversationSeenFrom } from "../conversationSeen";
import { articleUrl, type SelfHelpDeps } from "./selfHelpTurn";
import { currentDeskCard, escalate, subjectFrom, tellRequester } from "./serviceDesk";

const id = z.coerce.number().int().positive();
const questionId = z.uuid();
const questionData = z.object({ questionId });
const ticketData = z.object({ ticketId: id });
const schemas = {
  [cardVerbs.helped]: questionData,
  [cardVerbs.notQuite]: questionData,
  [cardVerbs.talk]: questionData,
  [cardVerbs.pick]: z.object({ questionId, articleId: z.string().min(1) }),
  [cardVerbs.assign]: ticketData,
  [cardVerbs.note]: z.object({ ticketId: id, note: z.string().default("") }),
  [cardVerbs.resolve]: z.object({ ticketId: id, resolution: z.string().default("") }),
  [cardVerbs.rate]: z.object({ ticketId: id, score: z.coerce.number().int() }),
} as const;

export const isServiceDeskVerb = (verb: string | undefined): verb is keyof typeof schemas =>
  verb !== undefined && verb in schemas;

/**
 * A press on a self-help or ticket card. The answer replaces the card in
 * place; a refusal (someone else's card, already done) says so on the card.
 */
export async function handleCardAction(
  deps: SelfHelpDeps,
  context: TurnContext,
  verb: keyof typeof schemas,
  data: unknown,
): Promise<AdaptiveCardInvokeResponse> {
  const parsed = schemas[verb].safeParse(data);
  if (!parsed.success) return invalidCardData;
  const from = context.activity.from;
  const person = { aadObjectId: from.aadObjectId ?? from.id, name: from.name ?? null };
  try {
    return cardResponse(await perform(deps, context, verb, parsed.data as never, person));
  } catch (error) {
    if (isAppError(error, "forbidden")) return cardResponse(messageCard(t("card.notYours", { who: error.message })));
    if (isAppError(error, "already_decided") || isAppError(error, "not_found") || isAppError(error, "invalid_input")) {
      return cardResponse(messageCard(t("card.alreadyDone", { detail: error.message })));
    }
    throw error;
  }
}

type Person = { aadObjectId: string; name: string | null };

async function perform(
  deps: SelfHelpDeps,
  context: TurnContext,
  verb: keyof typeof schemas,
  data: Record<string, string | number>,
  person: Person,
): Promise<AdaptiveCardJson> {
  const questionId = String(data.questionId);
  const ticketId = Number(data.ticketId);
  switch (verb) {
    case cardVerbs.helped:
      await recordFeedback(deps.db, questionId, person.aadObjectId, "helped");
      return messageCard(t("selfhelp.helped.thanks"));
    case cardVerbs.notQuite:
      await recordFeedback(deps.db, questionId, person.aadObjectId, "not_quite");
      return messageCard(t("selfhelp.notQuite.text"), { offerTalkFor: questionId });
    case cardVerbs.pick: {
      const article = deps.knowledge.article(String(data.articleId));
      if (!article) return messageCard(t("selfhelp.none.text"), { offerTalkFor: questionId });
      return answerCard(article, questionId, articleUrl(deps.publicUrl, article.id));
    }
    case cardVerbs.talk:
      return talkToSomeone(deps, context, questionId, person);
    case cardVerbs.assign:
      return afterDeskAction(deps, context, await assignTicket(deps.db, ticketId, person), (ticket) =>
        t("ticket.notify.assigned", { reference: ticketReference(ticket.id), name: person.name ?? "" }),
      );
    case cardVerbs.note: {
      const note = String(data.note);
      return afterDeskAction(deps, context, await addTicketNote(deps.db, ticketId, person, note), (ticket) =>
        t("ticket.notify.note", { reference: ticketReference(ticket.id), name: person.name ?? "", note: note.trim() }),
      );
    }
    case cardVerbs.resolve: {
      const resolution = String(data.resolution).trim();
      return afterDeskAction(
        deps,
        context,
        await resolveTicket(deps.db, ticketId, person, resolution || null),
        (ticket) =>
          resolution
            ? t("ticket.notify.resolvedWith", { reference: ticketReference(ticket.id), resolution })
            : t("ticket.notify.resolved", { reference: ticketReference(ticket.id) }),
      );
    }
    case cardVerbs.rate: {
      const score = Number(data.score);
      await rateTicket(deps.db, ticketId, person.aadObjectId, score);
      return messageCard(t("ticket.rate.thanks", { reference: ticketReference(ticketId), score }));
    }
  }
}

/** Raises a ticket for a question once; pressing again shows the same ticket. */
async function talkToSomeone(
  deps: SelfHelpDeps,
  context: TurnContext,
  questionId: string,
  person: Person,
): Promise<AdaptiveCardJson> {
  const question = await deps.db
    .selectFrom("selfhelp_question")
    .selectAll()
    .where("id", "=", questionId)
    .executeTakeFirst();
  if (!question) throw new AppError("not_found", `No question ${questionId}`);
  if (question.user_aad_id !== person.aadObjectId) {
    return messageCard(t("card.notYours", { who: "the person who asked" }));
  }
  const ticket =
    question.ticket_id !== null
      ? await findTicket(deps.db, question.ticket_id)
      : await escalate(deps, {
          requester: person,
          reference: conversationSeenFrom(context.activity).reference,
          subject: subjectFrom(question.question),
          source: question.feedback === "not_quite" ? "not-helped" : "talk-to-human",
          questionId,
        });
  return messageCard(t("ticket.raised.text"), {
    title: t("ticket.raised.title", { reference: ticketReference(ticket.id) }),
  });
}

/**
 * After an agent's action: tell the requester in their chat, and show the
 * desk card as it now is. The invoke response redraws the card for the agent
 * who pressed; the posted message is replaced too, so the rest of the desk
 * sees who has the ticket without refreshing.
 */
async function afterDeskAction(
  deps: SelfHelpDeps,
  context: TurnContext,
  ticket: Ticket,
  message: (ticket: Ticket) => string,
): Promise<AdaptiveCardJson> {
  const fresh = await findTicket(deps.db, ticket.id);
  const card = await currentDeskCard(deps, fresh);
  if (fresh.channel_activity_id && fresh.channel_conversation_id === context.activity.conversation.id) {
    try {
      await context.updateActivity({
        id: fresh.channel_activity_id,
        type: "message",
        attachments: [CardFactory.adaptiveCard(card)],
      });
    } catch (error) {
      deps.log.warn(
        { err: error, ticket: ticketReference(fresh.id) },
        "could not update the ticket card in the channel",
      );
    }
  }
  await tellRequester(deps, fresh, message(fresh));
  return card;
}
