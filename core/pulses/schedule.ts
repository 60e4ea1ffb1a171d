import type { PulseSchedule } from "./pulseDraft";

/** A schedule as stored: "now" has become the time the pulse was created. */
export type FixedSchedule = PulseSchedule & { startsAt: string };

const monthsBetweenRuns = { monthly: 1, quarterly: 3 } as const;
const dayMs = 86_400_000;

/** Replaces a start of "now" with the given time, so the stored schedule never moves. */
export function fixSchedule(schedule: PulseSchedule, now: Date): FixedSchedule {
  return schedule.startsAt === "now" ? { ...schedule, startsAt: now.toISOString() } : schedule;
}

/**
 * The same day of the month `months` later, at the same time (UTC), or the
 * month's last day when it is shorter: 31 January → 28 February → 31 March.
 * Counted from the start each time, so one short month does not drag every
 * later run to the 28th.
 */
export function addMonths(start: Date, months: number): Date {
  const target = new Date(start.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return target;
}

/** The last moment a run may start: a date alone means the end of that day. */
function lastStart(until: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(until) ? Date.parse(`${until}T00:00:00Z`) + dayMs - 1 : Date.parse(until);
}

/** When run number `index` (0 for the first) is due, or null when the schedule has no such run. */
export function runAt(schedule: FixedSchedule, index: number): Date | null {
  const start = new Date(schedule.startsAt);
  if (schedule.kind === "once") return index === 0 ? start : null;
  const at = addMonths(start, index * monthsBetweenRuns[schedule.kind]);
  if (schedule.until && at.getTime() > lastStart(schedule.until)) return null;
  return at;
}

/**
 * The run to start now, from `fromIndex` on: the latest one whose time has
 * come. Runs missed while the app was stopped are skipped rather than sent
 * late one after another: only the current one is worth asking.
 */
export function dueRun(schedule: FixedSchedule, fromIndex: number, now: Date): { index: number; at: Date } | null {
  let due: { index: number; at: Date } | null = null;
  for (let index = fromIndex; ; index++) {
    const at = runAt(schedule, index);
    if (!at || at.getTime() > now.getTime()) return due;
    due = { index, at };
  }
}

/** When a run sent at `sentAt` closes. */
export const closesAt = (sentAt: Date, openDays: number) => new Date(sentAt.getTime() + openDays * dayMs);
