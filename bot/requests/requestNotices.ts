import { CardFactory } from "botbuilder";
import type { Kysely } from "kysely";
import { findPersonalConversation } from "../../core/conversations/conversationRepository";
import type { StoredConversationReference } from "../../core/conversations/conversationTable";
import { t } from "../../core/messages/catalogue";
import type { RefreshPolicy } from "../../core/refresh/refreshPolicy";
import {
  approverNames,
  recordRequestCards,
  requestReference,
  undeliveredFor,
} from "../../core/requests/deviceRequests";
import type { ApproverCard, DeviceRequest, Person, PostedCard } from "../../core/requests/requestTables";
import type { Database } from "../../core/store/database";
import { type RequestView, requestCard } from "../cards/requestCards";
import { sendProactive, updateProactive } from "../proactive";
import { channelReference, type ServiceDeskDeps } from "../servicedesk/serviceDesk";

export type RequestDeps = Omit<ServiceDeskDeps, "db"> & {
  db: Kysely<Database>;
  /** ICT's approvers by sign-in name: the last resort for a decision. */
  ictApprovers: readonly string[];
  refreshPolicy: RefreshPolicy;
  now: () => Date;
};

/** Which card is being answered right now, so it is not also replaced behind the invoke's back. */
export type Pressed = { conversationId: string; activityId: string | undefined } | null;

const cardActivity = (card: ReturnType<typeof requestCard>) => ({ attachments: [CardFactory.adaptiveCard(card)] });

async function chatOf(deps: RequestDeps, aadObjectId: string): Promise<StoredConversationReference | undefined> {
  return (await findPersonalConversation(deps.db, aadObjectId))?.reference;
}

/**
 * Sends the approval card to each approver who has a chat with the app and
 * records where it went. Returns whether anyone could be reached.
 */
export async function askApprovers(deps: RequestDeps, request: DeviceRequest, approvers: Person[]): Promise<boolean> {
  const posted: ApproverCard[] = [];
  for (const approver of approvers) {
    const chat = await chatOf(deps, approver.aadObjectId);
    if (!chat) {
      deps.log.warn(
        { request: requestReference(request.id) },
        "an approver has no chat with ICT Hub yet; the card waits for them",
      );
      continue;
    }
    try {
      await sendProactive(deps.adapter, deps.botAppId, chat, {
        text: t("request.notify.newForApprover", {
          requester: request.requester_name,
          reference: requestReference(request.id),
        }),
      });
      const activityId = await sendProactive(
        deps.adapter,
        deps.botAppId,
        chat,
        cardActivity(
          requestCard(request, "approver", { aadObjectId: approver.aadObjectId, teamsUserId: chat.user?.id ?? null }),
        ),
      );
      if (activityId)
        posted.push({ conversationId: chat.conversation.id, activityId, aadObjectId: approver.aadObjectId });
    } catch (error) {
      deps.log.error({ err: error, request: requestReference(request.id) }, "could not send the approval card");
    }
  }
  await recordRequestCards(deps.db, request.id, {
    approvers: [
      ...request.approver_cards.filter((c) => approvers.every((a) => a.aadObjectId !== c.aadObjectId)),
      ...posted,
    ],
  });
  return posted.length > 0;
}

/**
 * Brings every posted card about a request up to date (each as its owner
 * sees it), except the one being answered by an invoke.
 */
export async function refreshRequestCards(deps: RequestDeps, request: DeviceRequest, pressed: Pressed): Promise<void> {
  const isPressed = (card: PostedCard) =>
    pressed !== null && card.conversationId === pressed.conversationId && card.activityId === pressed.activityId;
  const updates: { card: PostedCard; view: RequestView; owner: string }[] = [
    ...(request.requester_card
      ? [{ card: request.requester_card, view: "requester" as const, owner: request.requester_aad_id }]
      : []),
    ...request.approver_cards.map((card) => ({ card, view: "approver" as const, owner: card.aadObjectId })),
  ];
  for (const { card, view, owner } of updates) {
    if (isPressed(card)) continue;
    const chat = await chatOf(deps, owner);
    if (!chat) continue;
    await update(
      deps,
      request,
      chat,
      card,
      requestCard(request, view, { aadObjectId: owner, teamsUserId: chat.user?.id ?? null }),
    );
  }
  if (request.desk_card) {
    const desk = await deskOf(deps, request);
    if (desk) await update(deps, request, desk, request.desk_card, requestCard(request, "desk", { aadObjectId: "" }));
  }
}

async function update(
  deps: RequestDeps,
  request: DeviceRequest,
  reference: StoredConversationReference,
  card: PostedCard,
  content: ReturnType<typeof requestCard>,
) {
  try {
    await updateProactive(deps.adapter, deps.botAppId, reference, card.activityId, cardActivity(content));
  } catch (error) {
    deps.log.warn({ err: error, request: requestReference(request.id) }, "could not update a request card");
  }
}

/** The service-desk channel, reached through the requester's chat (the same Bot Connector); null when none is configured. */
async function deskOf(deps: RequestDeps, request: DeviceRequest): Promise<StoredConversationReference | null> {
  const via = await chatOf(deps, request.requester_aad_id);
  return via ? channelReference(deps, via) : null;
}

/** A line in the requester's chat. */
export async function tellRequester(deps: RequestDeps, request: DeviceRequest, text: string): Promise<void> {
  const chat = await chatOf(deps, request.requester_aad_id);
  if (!chat) return;
  try {
    await sendProactive(deps.adapter, deps.botAppId, chat, { text });
  } catch (error) {
    deps.log.error({ err: error, request: requestReference(request.id) }, "could not tell the requester");
  }
}

/** An approved request goes to the service desk's channel, where ICT take it through fulfilment. */
export async function postToDesk(deps: RequestDeps, request: DeviceRequest): Promise<void> {
  const desk = await deskOf(deps, request);
  if (!desk) {
    deps.log.warn(
      { request: requestReference(request.id) },
      "no service-desk channel configured: the approved request is not posted",
    );
    return;
  }
  try {
    const activityId = await sendProactive(
      deps.adapter,
      deps.botAppId,
      desk,
      cardActivity(requestCard(request, "desk", { aadObjectId: "" })),
    );
    if (activityId)
      await recordRequestCards(deps.db, request.id, { desk: { conversationId: desk.conversation.id, activityId } });
  } catch (error) {
    deps.log.error(
      { err: error, request: requestReference(request.id) },
      "could not post the approved request to the service desk",
    );
  }
}

/**
 * What follows a decision, wherever it was made (a card or the tab): every
 * card about the request is redrawn, the requester told, and an approved
 * request goes to the service desk.
 */
export async function afterDecision(
  deps: RequestDeps,
  decided: DeviceRequest,
  decider: Person,
  pressed: Pressed,
): Promise<void> {
  const approved = decided.status === "approved";
  await refreshRequestCards(deps, decided, pressed);
  await tellRequester(
    deps,
    decided,
    approved
      ? t("request.notify.approved", {
          reference: requestReference(decided.id),
          name: decider.name,
          comment: decided.decision_comment ? ` “${decided.decision_comment}”` : "",
        })
      : t("request.notify.rejected", {
          reference: requestReference(decided.id),
          name: decider.name,
          comment: decided.decision_comment ?? "",
        }),
  );
  if (approved) await postToDesk(deps, decided);
}

/** What follows a fulfilment step, from the desk card or the tab: cards redrawn, the requester told. */
export async function afterFulfilment(deps: RequestDeps, moved: DeviceRequest, pressed: Pressed): Promise<void> {
  await refreshRequestCards(deps, moved, pressed);
  await tellRequester(
    deps,
    moved,
    t("request.notify.step", { reference: requestReference(moved.id), status: t(`request.status.${moved.status}`) }),
  );
}

/** Approval cards that could not be delivered, sent once the approver has a chat with the app. */
export async function deliverWaitingApprovals(deps: RequestDeps, aadObjectId: string, name: string): Promise<void> {
  for (const request of await undeliveredFor(deps.db, aadObjectId)) {
    if (await askApprovers(deps, request, [{ aadObjectId, name }])) {
      await tellRequester(deps, request, submittedNotice(request, true));
    }
  }
}

/** What the requester hears when a pending request reaches (or cannot yet reach) its approver. */
export const submittedNotice = (request: DeviceRequest, reached: boolean) =>
  reached
    ? t("request.notify.submitted", { reference: requestReference(request.id), approver: approverNames(request) })
    : t("request.notify.approverUnreachable", {
        reference: requestReference(request.id),
        approver: approverNames(request),
      });
