import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CardFactory,
  TeamsActivityHandler,
  type TurnContext,
} from "botbuilder";
import type { Logger } from "pino";
import { claimWelcome, recordConversation, recordUninstall } from "../core/conversations/conversationRepository";
import { RecentlyRecorded } from "../core/conversations/recentlyRecorded";
import { t } from "../core/messages/catalogue";
import type { Db } from "../core/store/database";
import { handleTipAction, isTipVerb } from "./adoption/tipActions";
import { myIctDeepLink, welcomeCard } from "./cards/welcomeCard";
import { conversationSeenFrom } from "./conversationSeen";
import { handlePulseAction, isPulseVerb } from "./pulses/pulseActions";
import { handleRequestAction, isRequestVerb } from "./requests/requestActions";
import { deliverWaitingApprovals, type RequestDeps } from "./requests/requestNotices";
import { handleCardAction, isServiceDeskVerb } from "./servicedesk/cardActions";
import { answerQuestion, type SelfHelpDeps } from "./servicedesk/selfHelpTurn";

export type IctHubBotDeps = {
  db: Db;
  log: Logger;
  councilName: string;
  teamsAppId: string;
  /** Self-help search, tickets and the service desk. */
  selfHelp: SelfHelpDeps;
  /** Device requests and their approval. */
  requests: RequestDeps;
};

/**
 * The Teams edge of the app: it remembers every conversation it sees (for
 * proactive messages), welcomes once per install, and hands work to core.
 */
export class IctHubBot extends TeamsActivityHandler {
  private readonly recorded = new RecentlyRecorded();

  constructor(private readonly deps: IctHubBotDeps) {
    super();

    this.onMessage(async (context, next) => {
      await this.remember(context);
      await answerQuestion(this.deps.selfHelp, context);
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.remember(context, { always: true });
      await this.welcomeOnce(context);
      await this.deliverWaitingApprovals(context);
      await next();
    });

    this.onInstallationUpdateRemove(async (context, next) => {
      await recordUninstall(this.deps.db, context.activity.conversation.id);
      this.recorded.forget(context.activity.conversation.id);
      this.deps.log.info({ conversationId: context.activity.conversation.id }, "app uninstalled");
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botAdded = context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id);
      await this.remember(context, { always: true });
      if (botAdded) await this.welcomeOnce(context);
      await next();
    });
  }

  /**
   * A press on one of the app's cards. A verb from another version's card
   * gets a message rather than botbuilder's 501, which Teams shows as an error.
   */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    await this.remember(context);
    const verb = invokeValue.action?.verb;
    if (isServiceDeskVerb(verb)) return handleCardAction(this.deps.selfHelp, context, verb, invokeValue.action.data);
    if (isRequestVerb(verb)) return handleRequestAction(this.deps.requests, context, verb, invokeValue.action.data);
    if (isPulseVerb(verb)) return handlePulseAction(this.deps.requests, context, verb, invokeValue.action.data);
    if (isTipVerb(verb)) return handleTipAction(this.deps.requests, context, verb, invokeValue.action.data);
    this.deps.log.warn({ verb: invokeValue.action?.verb }, "card action with no handler");
    return {
      statusCode: 200,
      type: "application/vnd.microsoft.activity.message",
      value: t("card.actionUnavailable") as unknown as Record<string, unknown>,
    };
  }

  /** Installs are always written; messages and card presses only when something changed or the entry expired. */
  private async remember(context: TurnContext, options: { always?: boolean } = {}) {
    const seen = conversationSeenFrom(context.activity);
    if (!options.always && this.recorded.has(seen)) return;
    await recordConversation(this.deps.db, seen);
    this.recorded.remember(seen);
  }

  /** Someone who decides requests but had no chat with the app gets the cards that waited for them. */
  private async deliverWaitingApprovals(context: TurnContext) {
    const aadObjectId = context.activity.from?.aadObjectId;
    if (!aadObjectId || (context.activity.conversation.conversationType ?? "personal") !== "personal") return;
    await deliverWaitingApprovals(this.deps.requests, aadObjectId, context.activity.from.name ?? "");
  }

  /** Teams sends both installationUpdate and conversationUpdate on install; greet once. */
  private async welcomeOnce(context: TurnContext) {
    if (!(await claimWelcome(this.deps.db, context.activity.conversation.id))) return;
    const personal = (context.activity.conversation.conversationType ?? "personal") === "personal";
    const firstName = personal ? context.activity.from?.name?.split(/\s+/)[0] : undefined;
    const card = welcomeCard({
      scope: personal ? "personal" : "team",
      councilName: this.deps.councilName,
      myIctUrl: myIctDeepLink(this.deps.teamsAppId),
      ...(firstName ? { firstName } : {}),
    });
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  }
}
