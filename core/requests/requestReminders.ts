import { type Kysely, sql } from "kysely";
import type { Database } from "../store/database";
import { escalationFor } from "./approvers";
import { changeRequest } from "./requestChange";
import type { DeviceRequest, Person } from "./requestTables";
import { workingDaysBetween } from "./workingDays";

export type ReminderPolicy = {
  remindAfterWorkingDays: number;
  escalateAfterWorkingDays: number;
  /** ICT's approvers by sign-in name: where escalation ends. */
  ictApprovers: readonly string[];
};

export const defaultReminderPolicy: Omit<ReminderPolicy, "ictApprovers"> = {
  remindAfterWorkingDays: 2,
  escalateAfterWorkingDays: 5,
};

export type ReminderAction =
  | { kind: "remind"; request: DeviceRequest }
  | { kind: "escalate"; request: DeviceRequest; previous: Person[] };

/**
 * Chases undecided requests: a reminder to the approvers after two working
 * days, then the request moves to the approver's own manager after five (and
 * the count starts again). ICT's approvers are reminded but not escalated
 * past. Each change is conditional on the version read, so instances running
 * this at once act on a request once.
 */
export async function chaseUndecided(
  db: Kysely<Database>,
  now: Date,
  policy: ReminderPolicy,
): Promise<ReminderAction[]> {
  const calendarFloor = new Date(now.getTime() - policy.remindAfterWorkingDays * 86_400_000);
  const candidates = await db
    .selectFrom("device_request")
    .selectAll()
    .where("status", "=", "pending")
    .where("asked_at", "<=", calendarFloor)
    .orderBy("asked_at")
    .limit(500)
    .execute();

  const actions: ReminderAction[] = [];
  for (const request of candidates) {
    const waited = workingDaysBetween(request.asked_at, now);
    const single = request.approvers.length === 1 ? request.approvers[0] : undefined;
    if (waited >= policy.escalateAfterWorkingDays && single && request.approver_source !== "ict-approvers") {
      const escalated = await escalate(db, request, single, policy, now);
      if (escalated) actions.push({ kind: "escalate", request: escalated, previous: request.approvers });
    } else if (waited >= policy.remindAfterWorkingDays && request.reminders_sent === 0) {
      const reminded = await remind(db, request);
      if (reminded) actions.push({ kind: "remind", request: reminded });
    }
  }
  return actions;
}

async function remind(db: Kysely<Database>, request: DeviceRequest): Promise<DeviceRequest | undefined> {
  return changeRequest(db, request.id, {
    guard: (update) => update.where("version", "=", request.version),
    set: { reminders_sent: sql`reminders_sent + 1` },
    audit: {
      actor: null,
      action: "reminded",
      from: "pending",
      to: "pending",
      via: "worker",
      detail: { approvers: request.approvers },
    },
  });
}

async function escalate(
  db: Kysely<Database>,
  request: DeviceRequest,
  approver: Person,
  policy: ReminderPolicy,
  now: Date,
): Promise<DeviceRequest | undefined> {
  const next = await escalationFor(db, approver.aadObjectId, policy.ictApprovers);
  if (next.approvers.length === 0) return undefined;
  return changeRequest(db, request.id, {
    guard: (update) => update.where("version", "=", request.version),
    set: {
      approvers: JSON.stringify(next.approvers),
      approver_source: next.source,
      asked_at: now,
      reminders_sent: 0,
      escalations: sql`escalations + 1`,
    },
    audit: {
      actor: null,
      action: "escalated",
      from: "pending",
      to: "pending",
      via: "worker",
      detail: { from: request.approvers, to: next.approvers, source: next.source },
    },
  });
}
