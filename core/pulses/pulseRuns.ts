import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { AppError } from "../errors";
import { t } from "../messages/catalogue";
import { enqueueMessage, type OutboxActivity } from "../outbox/outbox";
import type { Db } from "../store/database";
import { inChunks } from "../store/inChunks";
import { resolveAudience } from "./audience";
import { findPulse, settleClosedRuns } from "./pulses";
import type { PulseRow, PulseRunRow } from "./pulseTables";
import { closesAt, dueRun, type FixedSchedule, runAt } from "./schedule";

const dayMs = 86_400_000;

/** The outbox key of a run's invitation; its reminders' and actions' keys start with it. */
export const runKey = (pulseId: number, runNo: number) => `pulse:${pulseId}:run:${runNo}`;

/** Draws a run's card; core does not know what a card looks like. */
export type RunActivity = (pulse: PulseRow, run: PulseRunRow) => OutboxActivity;

/**
 * Starts every run whose time has come: draws the audience, records who was
 * asked, and enqueues the invitation to each of them in the same
 * transaction, so a run is never started without its invitations nor sent
 * twice. The claim is a conditional update of the pulse's next run, so
 * instances running this at once start each run once. Returns the runs started.
 */
export async function startDueRuns(db: Db, now: Date, invitation: RunActivity): Promise<PulseRunRow[]> {
  const due = await db
    .selectFrom("pulse")
    .selectAll()
    .where("next_run_at", "<=", now)
    .where("cancelled_at", "is", null)
    .orderBy("next_run_at")
    .limit(20)
    .execute();
  const started: PulseRunRow[] = [];
  for (const pulse of due) {
    const run = await db.transaction().execute((trx) => startRun(trx, pulse, now, invitation));
    if (run) started.push(run);
  }
  return started;
}

async function startRun(db: Db, pulse: PulseRow, now: Date, invitation: RunActivity): Promise<PulseRunRow | null> {
  const schedule = pulse.definition.schedule as FixedSchedule;
  const due = dueRun(schedule, pulse.next_run_index, now);
  if (!due) return null;
  const claimed = await db
    .updateTable("pulse")
    .set({ next_run_index: due.index + 1, next_run_at: runAt(schedule, due.index + 1) })
    .where("id", "=", pulse.id)
    .where("next_run_index", "=", pulse.next_run_index)
    .where("cancelled_at", "is", null)
    .executeTakeFirst();
  if (claimed.numUpdatedRows !== 1n) return null;

  const previous = await db
    .selectFrom("pulse_run")
    .select((eb) => eb.fn.max("run_no").as("last"))
    .where("pulse_id", "=", pulse.id)
    .executeTakeFirst();
  const runNo = Number(previous?.last ?? 0) + 1;
  const seed = randomBytes(16).toString("hex");
  const invitees = await resolveAudience(db, pulse.definition.audience, seed);
  const run = await db
    .insertInto("pulse_run")
    .values({
      pulse_id: pulse.id,
      run_no: runNo,
      scheduled_for: due.at,
      sent_at: now,
      closes_at: closesAt(now, pulse.definition.openDays),
      invited: invitees.length,
      seed,
      message_key: runKey(pulse.id, runNo),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const chunk of inChunks(invitees, 1_000)) {
    await db
      .insertInto("pulse_invitee")
      .values(chunk.map((i) => ({ run_id: run.id, aad_object_id: i.aadObjectId, directorate: i.directorate })))
      .execute();
  }
  await enqueueMessage(db, {
    key: run.message_key,
    purpose: "pulse.invite",
    subject: { pulseId: pulse.id, runId: run.id },
    activity: invitation(pulse, run),
    recipients: invitees.map((i) => ({ aadObjectId: i.aadObjectId })),
  });
  return run;
}

/**
 * Closes runs whose time is up, seals their anonymous answers and cancels
 * invitations and reminders still waiting to go: a question nobody can
 * answer any more is not worth sending. Returns the runs closed.
 */
export async function closeDueRuns(db: Db, now: Date): Promise<number[]> {
  const closed = await db
    .updateTable("pulse_run")
    .set({ closed_at: sql`closes_at` })
    .where("closed_at", "is", null)
    .where("closes_at", "<=", now)
    .returning(["id", "message_key"])
    .execute();
  await settleClosedRuns(db, closed);
  return closed.map((r) => r.id);
}

/** Invitees of a run who have not answered. */
async function nonResponders(db: Db, runId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("pulse_invitee as i")
    .select("i.aad_object_id")
    .where("i.run_id", "=", runId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("pulse_respondent as r")
            .select("r.run_id")
            .whereRef("r.run_id", "=", "i.run_id")
            .whereRef("r.aad_object_id", "=", "i.aad_object_id"),
        ),
      ),
    )
    .execute();
  return rows.map((r) => r.aad_object_id);
}

async function enqueueReminder(
  db: Db,
  pulse: PulseRow,
  run: PulseRunRow,
  label: string,
  reminder: RunActivity,
): Promise<number> {
  const recipients = await nonResponders(db, run.id);
  const { added } = await enqueueMessage(db, {
    key: `${run.message_key}:reminder:${label}`,
    purpose: "pulse.reminder",
    subject: { pulseId: pulse.id, runId: run.id },
    activity: reminder(pulse, run),
    recipients: recipients.map((aadObjectId) => ({ aadObjectId })),
  });
  return added;
}

/**
 * The one automatic reminder of each open run whose pulse asks for one,
 * `remindAfterDays` after it was sent, to those who have not answered.
 * Claimed by a conditional update, so it goes once. Returns reminders queued.
 */
export async function sendDueReminders(db: Db, now: Date, reminder: RunActivity): Promise<number> {
  const candidates = await db
    .selectFrom("pulse_run")
    .innerJoin("pulse", "pulse.id", "pulse_run.pulse_id")
    .selectAll("pulse_run")
    .select(sql<number | null>`(pulse.definition->>'remindAfterDays')::int`.as("remind_after_days"))
    .where("pulse_run.closed_at", "is", null)
    .where("pulse_run.reminded_at", "is", null)
    .where("pulse_run.closes_at", ">", now)
    .where(sql<boolean>`pulse.definition->>'remindAfterDays' is not null`)
    .execute();
  let queued = 0;
  for (const candidate of candidates) {
    const { remind_after_days: days, ...run } = candidate;
    if (days === null || run.sent_at.getTime() + days * dayMs > now.getTime()) continue;
    queued += await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable("pulse_run")
        .set({ reminded_at: now })
        .where("id", "=", run.id)
        .where("reminded_at", "is", null)
        .executeTakeFirst();
      if (claimed.numUpdatedRows !== 1n) return 0;
      return enqueueReminder(trx, await findPulse(trx, run.pulse_id), run, "auto", reminder);
    });
  }
  return queued;
}

/**
 * ICT's "remind now": the open run's non-responders get the card again.
 * Presses in the same minute send one reminder.
 * @throws AppError not_found, already_decided (no run is open).
 */
export async function remindNow(db: Db, pulseId: number, now: Date, reminder: RunActivity): Promise<number> {
  const pulse = await findPulse(db, pulseId);
  const run = await db
    .selectFrom("pulse_run")
    .selectAll()
    .where("pulse_id", "=", pulseId)
    .where("closed_at", "is", null)
    .where("closes_at", ">", now)
    .orderBy("run_no", "desc")
    .executeTakeFirst();
  if (!run) throw new AppError("already_decided", t("pulse.error.noOpenRun"));
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable("pulse_run")
      .set({ reminded_at: sql`coalesce(reminded_at, ${now}::timestamptz)` })
      .where("id", "=", run.id)
      .execute();
    return enqueueReminder(trx, pulse, run, now.toISOString().slice(0, 16), reminder);
  });
}
