import type { ColumnType, Generated, Selectable } from "kysely";

/** What staff can ask for. */
export const deviceKinds = ["standard-laptop", "field-tablet", "accessibility"] as const;
export type DeviceKind = (typeof deviceKinds)[number];

export const urgencies = ["normal", "urgent"] as const;
export type Urgency = (typeof urgencies)[number];

/**
 * A request's life: a decision first, then ICT's fulfilment. "closed" is the
 * last fulfilment step (the old device came back).
 */
export const requestStatuses = [
  "pending",
  "approved",
  "rejected",
  "cancelled",
  "ordered",
  "ready",
  "deployed",
  "closed",
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** The steps ICT takes after approval, in order. */
export const fulfilmentSteps = ["ordered", "ready", "deployed", "closed"] as const;
export type FulfilmentStep = (typeof fulfilmentSteps)[number];

/** Why this person decides: their line manager, the directorate's head, or ICT's approvers. */
export type ApproverSource = "manager" | "directorate-head" | "ict-approvers" | "escalation";

export type Person = { aadObjectId: string; name: string };

/** A device the requester has now, with its refresh state at the time of the request. */
export type CurrentDevice = { id: string; name: string; model: string | null; state: string; reason: string };

/** Where a card about the request was posted, to update it in place. */
export type PostedCard = { conversationId: string; activityId: string };

/** An approver's copy of the card, in their own chat. */
export type ApproverCard = PostedCard & { aadObjectId: string };

export type DeviceRequestTable = {
  id: Generated<number>;
  requester_aad_id: string;
  requester_name: string;
  kind: DeviceKind;
  reason: string;
  urgency: Urgency;
  /** "policy": a device is due; "justified": the requester explained why. */
  eligibility: "policy" | "justified";
  justification: string | null;
  current_devices: ColumnType<CurrentDevice[], string, string>;
  /** Who may decide now: one person, or every member of ICT's approvers. */
  approvers: ColumnType<Person[], string, string>;
  approver_source: ApproverSource;
  status: Generated<RequestStatus>;
  decided_by_aad_id: string | null;
  decided_by_name: string | null;
  decision_comment: string | null;
  decided_at: Date | null;
  created_at: Generated<Date>;
  /** When the approvers were last asked (first card, reminder or escalation): reminders count from here. */
  asked_at: Generated<Date>;
  reminders_sent: Generated<number>;
  escalations: Generated<number>;
  updated_at: Generated<Date>;
  /** Bumped on every change, so a card can tell it is out of date. */
  version: Generated<number>;
  requester_card: ColumnType<PostedCard | null, string | null, string | null>;
  approver_cards: ColumnType<ApproverCard[], string | undefined, string>;
  desk_card: ColumnType<PostedCard | null, string | null, string | null>;
};

export type DeviceRequest = Selectable<DeviceRequestTable>;

/** Where a change came from: which card or view, or the reminder worker. */
export type AuditVia = "bot-message" | "requester-card" | "approver-card" | "desk-card" | "tab" | "worker";

export type DeviceRequestAuditTable = {
  id: Generated<number>;
  request_id: number;
  at: Generated<Date>;
  actor_aad_id: string | null;
  actor_name: string | null;
  action: string;
  from_status: RequestStatus | null;
  to_status: RequestStatus | null;
  via: AuditVia;
  detail: ColumnType<Record<string, unknown>, string, string>;
};
