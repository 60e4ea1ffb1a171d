import { type Kysely, sql } from "kysely";
import { AppError } from "../errors";
import { t } from "../messages/catalogue";
import type { Database, Db } from "../store/database";
import type { Approval } from "./approvers";
import { appendAudit } from "./requestAudit";
import { changeRequest } from "./requestChange";
import {
  type ApproverCard,
  type AuditVia,
  type CurrentDevice,
  type DeviceKind,
  type DeviceRequest,
  type FulfilmentStep,
  fulfilmentSteps,
  type Person,
  type PostedCard,
  type RequestStatus,
  type Urgency,
} from "./requestTables";

/** The reference staff and ICT see, e.g. DR-000042. */
export const requestReference = (id: number) => `DR-${String(id).padStart(6, "0")}`;

export type NewRequest = {
  requester: Person;
  kind: DeviceKind;
  reason: string;
  urgency: Urgency;
  justification: string | null;
  currentDevices: CurrentDevice[];
  /** A current device is due, overdue or must be replaced under the refresh policy. */
  eligibleByPolicy: boolean;
  approval: Approval;
};

const maxText = 2000;

/**
 * Records a request and who decides it. A request not backed by the refresh
 * policy needs a justification.
 * @throws AppError invalid_input.
 */
export async function submitRequest(db: Kysely<Database>, request: NewRequest, via: AuditVia): Promise<DeviceRequest> {
  const reason = request.reason.trim();
  const justification = request.justification?.trim() || null;
  if (reason === "") throw new AppError("invalid_input", t("request.error.reasonMissing"));
  if (reason.length > maxText || (justification?.length ?? 0) > maxText)
    throw new AppError("invalid_input", t("request.error.tooLong", { max: maxText }));
  if (!request.eligibleByPolicy && !justification)
    throw new AppError("invalid_input", t("request.error.justificationNeeded"));
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("device_request")
      .values({
        requester_aad_id: request.requester.aadObjectId,
        requester_name: request.requester.name,
        kind: request.kind,
        reason,
        urgency: request.urgency,
        eligibility: request.eligibleByPolicy ? "policy" : "justified",
        justification,
        current_devices: JSON.stringify(request.currentDevices),
        approvers: JSON.stringify(request.approval.approvers),
        approver_source: request.approval.source,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      requestId: row.id,
      actor: request.requester,
      action: "submitted",
      from: null,
      to: "pending",
      via,
      detail: { approvers: request.approval.approvers, approverSource: request.approval.source },
    });
    return row;
  });
}

export async function findRequest(db: Db, requestId: number): Promise<DeviceRequest> {
  const row = await db.selectFrom("device_request").selectAll().where("id", "=", requestId).executeTakeFirst();
  if (!row) throw new AppError("not_found", t("request.error.notFound", { reference: requestReference(requestId) }));
  return row;
}

export const isApprover = (request: DeviceRequest, aadObjectId: string) =>
  request.approvers.some((p) => p.aadObjectId === aadObjectId);

/** Who decides, as a sentence part: "Sam Jones", or "ICT's approvers". */
export const approverNames = (request: DeviceRequest) =>
  request.approvers.length === 1 ? (request.approvers[0]?.name ?? "") : t("request.approvers.ict");

export type Decision = { requestId: number; actor: Person; approve: boolean; comment: string | null; via: AuditVia };

/**
 * Approves or rejects a pending request. Only a current approver may; a
 * second decision, however close in time, changes nothing: the first stands.
 * @throws AppError invalid_input (a rejection needs a reason), not_found,
 *   forbidden (not the approver), already_decided.
 */
export async function decideRequest(db: Kysely<Database>, decision: Decision): Promise<DeviceRequest> {
  const comment = decision.comment?.trim() || null;
  if (!decision.approve && !comment) throw new AppError("invalid_input", t("request.error.rejectionReason"));
  if ((comment?.length ?? 0) > maxText)
    throw new AppError("invalid_input", t("request.error.tooLong", { max: maxText }));
  const to: RequestStatus = decision.approve ? "approved" : "rejected";
  const decided = await changeRequest(db, decision.requestId, {
    guard: (update) =>
      update
        .where("status", "=", "pending")
        .where(sql<boolean>`approvers @> ${JSON.stringify([{ aadObjectId: decision.actor.aadObjectId }])}::jsonb`),
    set: {
      status: to,
      decided_by_aad_id: decision.actor.aadObjectId,
      decided_by_name: decision.actor.name,
      decision_comment: comment,
      decided_at: sql`now()`,
    },
    audit: {
      actor: decision.actor,
      action: to,
      from: "pending",
      to,
      via: decision.via,
      ...(comment ? { detail: { comment } } : {}),
    },
  });
  if (decided) return decided;
  const current = await findRequest(db, decision.requestId);
  if (current.status !== "pending") throw alreadyDecided(current);
  throw new AppError("forbidden", t("request.error.notApprover", { approver: approverNames(current) }));
}

/**
 * The requester withdraws a request nobody has decided yet.
 * @throws AppError not_found, forbidden (someone else's), already_decided.
 */
export async function cancelRequest(
  db: Kysely<Database>,
  props: { requestId: number; actor: Person; via: AuditVia },
): Promise<DeviceRequest> {
  const cancelled = await changeRequest(db, props.requestId, {
    guard: (update) => update.where("status", "=", "pending").where("requester_aad_id", "=", props.actor.aadObjectId),
    set: { status: "cancelled" },
    audit: { actor: props.actor, action: "cancelled", from: "pending", to: "cancelled", via: props.via },
  });
  if (cancelled) return cancelled;
  const current = await findRequest(db, props.requestId);
  if (current.requester_aad_id !== props.actor.aadObjectId)
    throw new AppError("forbidden", t("request.error.notRequester", { requester: current.requester_name }));
  throw new AppError(
    "already_decided",
    current.status === "cancelled"
      ? t("request.error.alreadyCancelled")
      : t("request.error.cannotCancel", { status: t(`request.status.${current.status}`) }),
  );
}

/** An approved request's way through fulfilment, each status followed by the next. */
const fulfilmentPath: readonly RequestStatus[] = ["approved", ...fulfilmentSteps];

/** The fulfilment step after a status, if there is one. */
export function nextFulfilmentStep(status: RequestStatus): FulfilmentStep | undefined {
  const at = fulfilmentPath.indexOf(status);
  return at >= 0 ? (fulfilmentPath[at + 1] as FulfilmentStep | undefined) : undefined;
}

/**
 * ICT moves an approved request one step on: ordered, ready for collection,
 * deployed, old device returned. Steps are taken in order, each once.
 * @throws AppError not_found, already_decided (that step is done, or the request was not approved).
 */
export async function advanceFulfilment(
  db: Kysely<Database>,
  props: { requestId: number; actor: Person; to: FulfilmentStep; via: AuditVia },
): Promise<DeviceRequest> {
  const from = fulfilmentPath[fulfilmentPath.indexOf(props.to) - 1] as RequestStatus;
  const moved = await changeRequest(db, props.requestId, {
    guard: (update) => update.where("status", "=", from),
    set: { status: props.to },
    audit: { actor: props.actor, action: props.to, from, to: props.to, via: props.via },
  });
  if (moved) return moved;
  const current = await findRequest(db, props.requestId);
  throw new AppError(
    "already_decided",
    t("request.error.stepNotNext", {
      step: t(`request.status.${props.to}`),
      status: t(`request.status.${current.status}`),
    }),
  );
}

/** Where the cards about a request are, so that each can be updated in place. */
export async function recordRequestCards(
  db: Db,
  requestId: number,
  cards: { requester?: PostedCard; approvers?: ApproverCard[]; desk?: PostedCard },
): Promise<void> {
  await db
    .updateTable("device_request")
    .set({
      ...(cards.requester ? { requester_card: JSON.stringify(cards.requester) } : {}),
      ...(cards.approvers ? { approver_cards: JSON.stringify(cards.approvers) } : {}),
      ...(cards.desk ? { desk_card: JSON.stringify(cards.desk) } : {}),
    })
    .where("id", "=", requestId)
    .execute();
}

/** A person's requests, newest first. */
export async function requestsOf(db: Db, requesterAadId: string, limit = 10): Promise<DeviceRequest[]> {
  return db
    .selectFrom("device_request")
    .selectAll()
    .where("requester_aad_id", "=", requesterAadId)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

const pendingForQuery = (db: Db, approverAadId: string) =>
  db
    .selectFrom("device_request")
    .selectAll()
    .where("status", "=", "pending")
    .where(sql<boolean>`approvers @> ${JSON.stringify([{ aadObjectId: approverAadId }])}::jsonb`);

/** Pending requests a person decides, oldest first. */
export async function pendingFor(db: Db, approverAadId: string): Promise<DeviceRequest[]> {
  return pendingForQuery(db, approverAadId).orderBy("id").execute();
}

/** Requests in some statuses, oldest first: ICT's queue. */
export async function requestsIn(db: Db, statuses: readonly RequestStatus[], limit = 500): Promise<DeviceRequest[]> {
  return db
    .selectFrom("device_request")
    .selectAll()
    .where("status", "in", statuses)
    .orderBy("id")
    .limit(limit)
    .execute();
}

/** Pending requests a person decides whose card has not reached them (they had no chat with the app). */
export async function undeliveredFor(db: Db, approverAadId: string): Promise<DeviceRequest[]> {
  return pendingForQuery(db, approverAadId)
    .where(
      sql<boolean>`not exists (select 1 from jsonb_array_elements(approver_cards) c where c->>'aadObjectId' = ${approverAadId})`,
    )
    .orderBy("id")
    .execute();
}

function alreadyDecided(request: DeviceRequest): AppError {
  if (request.status === "cancelled") return new AppError("already_decided", t("request.error.wasCancelled"));
  return new AppError(
    "already_decided",
    t("request.error.decidedBy", {
      reference: requestReference(request.id),
      status: t(`request.status.${request.status}`),
      name: request.decided_by_name ?? "",
    }),
  );
}
