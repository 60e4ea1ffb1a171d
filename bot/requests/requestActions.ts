import type { AdaptiveCardInvokeResponse, TurnContext } from "botbuilder";
import { z } from "zod";
import { isAppError } from "../../core/errors";
import { t } from "../../core/messages/catalogue";
import { approverFor } from "../../core/requests/approvers";
import { currentDevicesOf } from "../../core/requests/currentDevices";
import {
  advanceFulfilment,
  cancelRequest,
  decideRequest,
  findRequest,
  recordRequestCards,
  requestsOf,
  submitRequest,
} from "../../core/requests/deviceRequests";
import {
  type DeviceRequest,
  deviceKinds,
  fulfilmentSteps,
  type Person,
  urgencies,
} from "../../core/requests/requestTables";
import { cardVerbs } from "../cards/cardVerbs";
import { cardResponse, invalidCardData, notFoundResponse } from "../cards/invokeResponses";
import type { AdaptiveCardJson } from "../cards/renderCard";
import { type RequestView, requestCard, requestFormCard } from "../cards/requestCards";
import {
  afterDecision,
  afterFulfilment,
  askApprovers,
  type RequestDeps,
  refreshRequestCards,
  submittedNotice,
  tellRequester,
} from "./requestNotices";

const requestId = z.coerce.number().int().positive();
/** Requests that need nothing more from anyone. */
const closedStatuses = new Set(["rejected", "cancelled", "closed"]);
const schemas = {
  [cardVerbs.requestSubmit]: z.object({
    kind: z.enum(deviceKinds),
    reason: z.string().default(""),
    urgency: z.enum(urgencies),
    justification: z.string().optional(),
  }),
  [cardVerbs.requestView]: z.object({ requestId, view: z.enum(["requester", "approver", "desk"]) }),
  [cardVerbs.approve]: z.object({ requestId, comment: z.string().optional() }),
  [cardVerbs.reject]: z.object({ requestId, comment: z.string().optional() }),
  [cardVerbs.cancel]: z.object({ requestId }),
  [cardVerbs.fulfil]: z.object({ requestId, to: z.enum(fulfilmentSteps) }),
} as const;

type RequestVerb = keyof typeof schemas;
export const isRequestVerb = (verb: string | undefined): verb is RequestVerb => verb !== undefined && verb in schemas;

const personFrom = (context: TurnContext): Person => ({
  aadObjectId: context.activity.from.aadObjectId ?? context.activity.from.id,
  name: context.activity.from.name ?? "",
});

/** The form that starts a request, with the person's devices and whether a justification is needed. */
export async function requestForm(deps: RequestDeps, context: TurnContext): Promise<AdaptiveCardJson> {
  const person = personFrom(context);
  const { devices, eligibleByPolicy } = await currentDevicesOf(
    deps.db,
    person.aadObjectId,
    deps.refreshPolicy,
    deps.now(),
  );
  const inProgress = (await requestsOf(deps.db, person.aadObjectId)).filter((r) => !closedStatuses.has(r.status));
  return requestFormCard({ devices, eligible: eligibleByPolicy, openRequests: inProgress });
}

/**
 * A press on a request card. The answer replaces the pressed card; every
 * other card about the request is brought up to date and the requester told.
 * Someone who may not act gets the card read-only, saying who may.
 */
export async function handleRequestAction(
  deps: RequestDeps,
  context: TurnContext,
  verb: RequestVerb,
  data: unknown,
): Promise<AdaptiveCardInvokeResponse> {
  const parsed = schemas[verb].safeParse(data);
  if (!parsed.success) return invalidCardData;
  const actor = personFrom(context);
  const viewer = { aadObjectId: actor.aadObjectId, teamsUserId: context.activity.from.id };
  const pressed = { conversationId: context.activity.conversation.id, activityId: context.activity.replyToId };
  const values = parsed.data as Record<string, string | number | undefined>;
  const id = Number(values.requestId);
  const viewOf = (request: DeviceRequest, view: RequestView) => cardResponse(requestCard(request, view, viewer));

  try {
    switch (verb) {
      case cardVerbs.requestSubmit:
        return cardResponse(
          await submit(deps, context, actor, viewer, parsed.data as z.infer<(typeof schemas)["request.submit"]>),
        );
      case cardVerbs.requestView:
        return viewOf(await findRequest(deps.db, id), values.view as RequestView);
      case cardVerbs.approve:
      case cardVerbs.reject: {
        const approve = verb === cardVerbs.approve;
        const decided = await decideRequest(deps.db, {
          requestId: id,
          actor,
          approve,
          comment: (values.comment as string | undefined) ?? null,
          via: "approver-card",
        });
        await afterDecision(deps, decided, actor, pressed);
        return viewOf(decided, "approver");
      }
      case cardVerbs.cancel: {
        const cancelled = await cancelRequest(deps.db, { requestId: id, actor, via: "requester-card" });
        await refreshRequestCards(deps, cancelled, pressed);
        return viewOf(cancelled, "requester");
      }
      case cardVerbs.fulfil: {
        if (!deps.channelId || context.activity.conversation.id !== deps.channelId) {
          return viewOf(await findRequest(deps.db, id), "approver");
        }
        const moved = await advanceFulfilment(deps.db, {
          requestId: id,
          actor,
          to: values.to as (typeof fulfilmentSteps)[number],
          via: "desk-card",
        });
        await afterFulfilment(deps, moved, pressed);
        return viewOf(moved, "desk");
      }
    }
  } catch (error) {
    if (isAppError(error, "forbidden") || isAppError(error, "already_decided") || isAppError(error, "invalid_input")) {
      const current = await findRequest(deps.db, id).catch(() => undefined);
      if (!current) throw error;
      const view: RequestView =
        verb === cardVerbs.cancel ? "requester" : verb === cardVerbs.fulfil ? "desk" : "approver";
      const card = requestCard(current, view, viewer);
      // A decision that lost a race shows the final card as it is, the same for every press; elsewhere the reason helps.
      const racedDecision = view === "approver" && !isAppError(error, "invalid_input");
      return cardResponse(racedDecision ? card : withProblem(card, error.message));
    }
    if (isAppError(error, "not_found")) return notFoundResponse(error.message);
    throw error;
  }
}

/** A card with a problem shown first: what to put right before trying again. */
function withProblem(card: AdaptiveCardJson, problem: string): AdaptiveCardJson {
  const body = (card.body as unknown[]) ?? [];
  return {
    ...card,
    body: [body[0], { type: "TextBlock", text: problem, wrap: true, color: "Attention" }, ...body.slice(1)],
  };
}

async function submit(
  deps: RequestDeps,
  context: TurnContext,
  requester: Person,
  viewer: { aadObjectId: string; teamsUserId: string },
  form: z.infer<(typeof schemas)["request.submit"]>,
): Promise<AdaptiveCardJson> {
  const { devices, eligibleByPolicy } = await currentDevicesOf(
    deps.db,
    requester.aadObjectId,
    deps.refreshPolicy,
    deps.now(),
  );
  const approval = await approverFor(deps.db, requester.aadObjectId, deps.ictApprovers);
  const values = {
    kind: form.kind,
    reason: form.reason,
    urgency: form.urgency,
    ...(form.justification ? { justification: form.justification } : {}),
  };
  if (approval.approvers.length === 0) {
    return requestFormCard({ devices, eligible: eligibleByPolicy, values, error: t("request.error.noApprover") });
  }
  let request: DeviceRequest;
  try {
    request = await submitRequest(
      deps.db,
      {
        requester,
        kind: form.kind,
        reason: form.reason,
        urgency: form.urgency,
        justification: form.justification ?? null,
        currentDevices: devices,
        eligibleByPolicy,
        approval,
      },
      "requester-card",
    );
  } catch (error) {
    if (isAppError(error, "invalid_input")) {
      return requestFormCard({ devices, eligible: eligibleByPolicy, values, error: error.message });
    }
    throw error;
  }
  if (context.activity.replyToId) {
    await recordRequestCards(deps.db, request.id, {
      requester: { conversationId: context.activity.conversation.id, activityId: context.activity.replyToId },
    });
  }
  const reached = await askApprovers(deps, request, approval.approvers);
  if (!reached) await tellRequester(deps, request, submittedNotice(request, false));
  return requestCard(await findRequest(deps.db, request.id), "requester", viewer);
}
