import { randomUUID } from "node:crypto";
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
import type { ServiceDeskDeps } from "../servicedesk/serviceDesk";

export type RequestDeps = Omit<ServiceDeskDeps, "db"> & {
  db: Kysely<Database>;
  /** ICT's approvers by sign-in name: the last resort for a decision. */
  ictApprovers: readonly string[];
  refreshPolicy: RefreshPolicy;
  now: () => Date;
};

/** Which card is being answered right now, so it is not also replaced behind the invoke's back. */
export type Pressed = { conversationId: string; activityId: string | undefined } | null;

async function chatOf(deps: RequestDeps, aadObjectId: string): Promise<StoredConversationReference | undefined> {
  return (await findPersonalConversation(deps.db, aadObjectId))?.reference;
}

/**
 * Sends the approval card to each approver (the outbox opens a chat with
 * anyone who has none) and records where each went. Returns whether anyone
 * could be reached.
 */
export async function askApprovers(deps: RequestDeps, request: DeviceRequest, approvers: Person[]): Promise<boolean> {
  const posted: ApproverCard[] = [];
  const asked = `request:${request.id}:v${request.version}:ask`;
  for (const approver of approvers) {
    const recipients = [{ aadObjectId: approver.aadObjectId }];
    const [told] = await deps.outbox.deliver({
      key: `${asked}:${approver.aadObjectId}:notice`,
      purpose: "request.approval",
      activity: {
        text: t("request.notify.newForApprover", {
          requester: request.requester_name,
          reference: requestReference(request.id),
        }),
      },
      recipients,
    });
    if (told?.state === "unreachable") {
      deps.log.warn(
        { request: requestReference(request.id) },
        "an approver cannot be reached; the card waits for them",
      );
      continue;
    }
    const chat = await chatOf(deps, approver.aadObjectId);
    const [card] = await deps.outbox.deliver({
      key: `${asked}:${approver.aadObjectId}:card`,
      purpose: "request.approval",
      activity: {
        card: requestCard(request, "approver", {
          aadObjectId: approver.aadObjectId,
          teamsUserId: chat?.user?.id ?? null,
        }),
      },
      recipients,
    });
    if (card?.activityId && card.conversationId)
      posted.push({
        conversationId: card.conversationId,
        activityId: card.activityId,
        aadObjectId: approver.aadObjectId,
      });
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
    await update(
      deps,
      request,
      card,
      requestCard(request, view, { aadObjectId: owner, teamsUserId: chat?.user?.id ?? null }),
    );
  }
  if (request.desk_card)
    await update(deps, request, request.desk_card, requestCard(request, "desk", { aadObjectId: "" }));
}

async function update(
  deps: RequestDeps,
  request: DeviceRequest,
  card: PostedCard,
  content: ReturnType<typeof requestCard>,
) {
  await deps.outbox.update({
    key: `request:${request.id}:v${request.version}:card:${card.conversationId}:${card.activityId}`,
    purpose: "request.card",
    conversationId: card.conversationId,
    activityId: card.activityId,
    activity: { card: content },
  });
}

/** A line in the requester's chat. Each is told once: the step itself was taken once, by a guarded update. */
export async function tellRequester(deps: RequestDeps, request: DeviceRequest, text: string): Promise<void> {
  await deps.outbox.deliver({
    key: `request:${request.id}:told:${randomUUID()}`,
    purpose: "request.notice",
    activity: { text },
    recipients: [{ aadObjectId: request.requester_aad_id }],
  });
}

/** An approved request goes to the service desk's channel, where ICT take it through fulfilment. */
export async function postToDesk(deps: RequestDeps, request: DeviceRequest): Promise<void> {
  if (!deps.channelId) {
    deps.log.warn(
      { request: requestReference(request.id) },
      "no service-desk channel configured: the approved request is not posted",
    );
    return;
  }
  const [posted] = await deps.outbox.deliver({
    key: `request:${request.id}:desk`,
    purpose: "request.desk",
    activity: { card: requestCard(request, "desk", { aadObjectId: "" }) },
    recipients: [{ conversationId: deps.channelId }],
  });
  if (posted?.activityId)
    await recordRequestCards(deps.db, request.id, {
      desk: { conversationId: deps.channelId, activityId: posted.activityId },
    });
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
