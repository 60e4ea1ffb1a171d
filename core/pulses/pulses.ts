import { sql } from "kysely";
import { AppError } from "../errors";
import { t } from "../messages/catalogue";
import { cancelMessages } from "../outbox/outbox";
import type { Db } from "../store/database";
import { sealRun } from "./answers";
import type { PulseAudience, PulseDraft, PulseSchedule } from "./pulseDraft";
import { audienceLabel, scheduleLabel } from "./pulseLabels";
import type { PulseRow, PulseRunRow } from "./pulseTables";
import { fixSchedule } from "./schedule";

export type PulseStatus = "scheduled" | "open" | "closed" | "cancelled";

/** A pulse as the tab lists it (the contract's PulseSummary). */
export type PulseSummary = {
  id: number;
  title: string;
  anonymous: boolean;
  threshold: number;
  audience: PulseAudience;
  audienceLabel: string;
  schedule: PulseSchedule;
  scheduleLabel: string;
  status: PulseStatus;
  nextRunAt: string | null;
  lastRun: null | {
    id: number;
    sentAt: string;
    closesAt: string;
    invited: number;
    responded: number;
    responseRate: number;
  };
  createdBy: string;
  createdAt: string;
};

export type Author = { aadObjectId: string; name: string };

/** A share 0..1 to three places; 0 when nobody was asked. */
export const shareOf = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);

/**
 * Stores a pulse; the scheduler sends its first run when the start comes
 * (within a minute for "now" or a time already past).
 */
export async function createPulse(
  db: Db,
  props: {
    /** Already validated with `pulseDraft`. */
    draft: PulseDraft;
    createdBy: Author;
    now: Date;
  },
): Promise<PulseRow> {
  const schedule = fixSchedule(props.draft.schedule, props.now);
  const draft: PulseDraft = { ...props.draft, schedule };
  return db
    .insertInto("pulse")
    .values({
      title: draft.title,
      definition: JSON.stringify(draft),
      anonymous: draft.anonymous,
      threshold: draft.threshold,
      created_by_aad_id: props.createdBy.aadObjectId,
      created_by_name: props.createdBy.name,
      next_run_at: new Date(schedule.startsAt),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** @throws AppError not_found. */
export async function findPulse(db: Db, pulseId: number): Promise<PulseRow> {
  const pulse = await db.selectFrom("pulse").selectAll().where("id", "=", pulseId).executeTakeFirst();
  if (!pulse) throw new AppError("not_found", t("pulse.error.notFound", { id: pulseId }));
  return pulse;
}

/** A pulse's runs, newest first, each with how many responded. */
export async function runsOf(db: Db, pulseIds: readonly number[]): Promise<(PulseRunRow & { responded: number })[]> {
  if (pulseIds.length === 0) return [];
  const rows = await db
    .selectFrom("pulse_run")
    .selectAll()
    .select((eb) =>
      eb
        .selectFrom("pulse_respondent")
        .select(eb.fn.countAll<string>().as("n"))
        .whereRef("pulse_respondent.run_id", "=", "pulse_run.id")
        .as("responded"),
    )
    .where("pulse_id", "in", pulseIds)
    .orderBy("pulse_id")
    .orderBy("run_no", "desc")
    .execute();
  return rows.map((r) => ({ ...r, responded: Number(r.responded ?? 0) }));
}

/** Every pulse, newest first, as the tab lists them. */
export async function listPulses(db: Db, now: Date): Promise<PulseSummary[]> {
  const pulses = await db.selectFrom("pulse").selectAll().orderBy("id", "desc").limit(500).execute();
  const runs = await runsOf(
    db,
    pulses.map((p) => p.id),
  );
  return pulses.map((p) =>
    summarisePulse(
      p,
      runs.filter((r) => r.pulse_id === p.id),
      now,
    ),
  );
}

/** One pulse as the tab lists it; `runs` newest first. */
export function summarisePulse(
  pulse: PulseRow,
  runs: readonly (PulseRunRow & { responded: number })[],
  now: Date,
): PulseSummary {
  const last = runs[0];
  const open = runs.some((r) => r.closed_at === null && r.closes_at.getTime() > now.getTime());
  const status: PulseStatus = pulse.cancelled_at
    ? "cancelled"
    : open
      ? "open"
      : pulse.next_run_at
        ? "scheduled"
        : "closed";
  return {
    id: pulse.id,
    title: pulse.title,
    anonymous: pulse.anonymous,
    threshold: pulse.threshold,
    audience: pulse.definition.audience,
    audienceLabel: audienceLabel(pulse.definition.audience),
    schedule: pulse.definition.schedule,
    scheduleLabel: scheduleLabel(pulse.definition.schedule, now),
    status,
    nextRunAt: pulse.next_run_at?.toISOString() ?? null,
    lastRun: last
      ? {
          id: last.id,
          sentAt: last.sent_at.toISOString(),
          closesAt: last.closes_at.toISOString(),
          invited: last.invited,
          responded: last.responded,
          responseRate: shareOf(last.responded, last.invited),
        }
      : null,
    createdBy: pulse.created_by_name,
    createdAt: pulse.created_at.toISOString(),
  };
}

/** The outbox keys of everything sent for a run: its invitation, reminders and "you said, we did". */
export async function runMessageKeys(db: Db, runKey: string): Promise<string[]> {
  const rows = await db
    .selectFrom("outbox_message")
    .select("key")
    .where((eb) => eb.or([eb("key", "=", runKey), eb("key", "like", `${runKey}:%`)]))
    .orderBy("id")
    .execute();
  return rows.map((r) => r.key);
}

/**
 * What follows a run's closing, however it closed: its anonymous answers are
 * sealed, and invitations and reminders not yet sent are cancelled ("you said,
 * we did" still goes out).
 */
export async function settleClosedRuns(db: Db, runs: readonly { id: number; message_key: string }[]): Promise<void> {
  for (const run of runs) {
    await sealRun(db, run.id);
    const keys = (await runMessageKeys(db, run.message_key)).filter((key) => !key.includes(":action:"));
    await cancelMessages(db, keys);
  }
}

/**
 * Stops a pulse: no further runs, invitations and reminders not yet sent are
 * cancelled, and an open run closes now. Cancelling twice changes nothing.
 * @throws AppError not_found.
 */
export async function cancelPulse(db: Db, pulseId: number, now: Date): Promise<PulseRow> {
  await findPulse(db, pulseId);
  await db
    .updateTable("pulse")
    .set({ cancelled_at: now, next_run_at: null })
    .where("id", "=", pulseId)
    .where("cancelled_at", "is", null)
    .execute();
  const closed = await db
    .updateTable("pulse_run")
    .set({ closed_at: sql`least(closes_at, ${now}::timestamptz)` })
    .where("pulse_id", "=", pulseId)
    .where("closed_at", "is", null)
    .returning(["id", "message_key"])
    .execute();
  await settleClosedRuns(db, closed);
  return findPulse(db, pulseId);
}
