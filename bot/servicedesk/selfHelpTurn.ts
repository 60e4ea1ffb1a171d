import { CardFactory, type TurnContext } from "botbuilder";
import { t } from "../../core/messages/catalogue";
import { requestsOf } from "../../core/requests/deviceRequests";
import { newQuestionId, recordQuestion } from "../../core/servicedesk/questionLog";
import { ticketReference, ticketsOf } from "../../core/servicedesk/tickets";
import type { AdaptiveCardJson } from "../cards/renderCard";
import { answerCard, choicesCard, messageCard } from "../cards/selfHelpCards";
import { ticketListCard } from "../cards/ticketCards";
import { conversationSeenFrom } from "../conversationSeen";
import { answerDriveQuestion } from "../migration/driveQuestionTurn";
import type { SelfHelpKnowledge } from "./knowledge";
import { escalate, type ServiceDeskDeps, subjectFrom } from "./serviceDesk";

export type SelfHelpDeps = ServiceDeskDeps & {
  knowledge: SelfHelpKnowledge;
  /** Base of the full-article links: PUBLIC_URL. */
  publicUrl: string;
  /** The device request form, for someone who asks for a device. */
  deviceRequestForm: (context: TurnContext) => Promise<AdaptiveCardJson>;
};

export const articleUrl = (publicUrl: string, id: string) => `${publicUrl}/help/${encodeURIComponent(id)}`;

/**
 * A question typed to the bot: searched, logged, and answered with one
 * article, a few to pick from, or an offer of a person. The three action
 * topics start their flow instead.
 */
export async function answerQuestion(deps: SelfHelpDeps, context: TurnContext): Promise<void> {
  const question = (context.activity.text ?? "").trim();
  if (question === "") return;
  if (await answerDriveQuestion(deps.db, context)) return;
  const outcome = deps.knowledge.search(question);
  const user = context.activity.from;
  const questionId = newQuestionId();
  // The log is written while the answer is on its way; only flows that link to the question wait for it.
  const recorded = recordQuestion(deps.db, {
    id: questionId,
    userAadId: user.aadObjectId ?? null,
    conversationId: context.activity.conversation.id,
    question,
    confidence: outcome.confidence,
    results: outcome.results.slice(0, 5),
  });
  const top = outcome.results[0] ? deps.knowledge.article(outcome.results[0].id) : undefined;
  try {
    const card = await cardFor(deps, context, {
      question,
      questionId,
      recorded,
      confidence: outcome.confidence,
      top,
      results: outcome.results,
    });
    await Promise.all([recorded, context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] })]);
  } finally {
    // When the card fails, the write's own failure must not go unobserved.
    await recorded.catch(() => undefined);
  }
}

async function cardFor(
  deps: SelfHelpDeps,
  context: TurnContext,
  found: {
    question: string;
    questionId: string;
    recorded: Promise<void>;
    confidence: "high" | "medium" | "none";
    top: ReturnType<SelfHelpKnowledge["article"]>;
    results: { id: string }[];
  },
): Promise<AdaptiveCardJson> {
  const { top, questionId } = found;
  if (found.confidence === "none" || !top) return messageCard(t("selfhelp.none.text"), { offerTalkFor: questionId });
  const aadObjectId = context.activity.from.aadObjectId;
  if (top.action === "ticket-status" && aadObjectId) {
    return ticketListCard(await ticketsOf(deps.db, aadObjectId), await requestsOf(deps.db, aadObjectId));
  }
  if (top.action === "device-request" && aadObjectId) return deps.deviceRequestForm(context);
  if (top.action === "talk-to-human" && aadObjectId) {
    await found.recorded;
    const ticket = await escalate(deps, {
      requester: { aadObjectId, name: context.activity.from.name ?? null },
      reference: conversationSeenFrom(context.activity).reference,
      subject: subjectFrom(found.question),
      source: top.action,
      questionId,
    });
    return messageCard(t("ticket.raised.text"), {
      title: t("ticket.raised.title", { reference: ticketReference(ticket.id) }),
    });
  }
  if (found.confidence === "medium") {
    const articles = found.results.slice(0, 3).flatMap((r) => {
      const article = deps.knowledge.article(r.id);
      return article ? [article] : [];
    });
    return choicesCard(articles, questionId);
  }
  return answerCard(top, questionId, articleUrl(deps.publicUrl, top.id));
}
