import type { AdoptionPeriodKind } from "./adoptionTables";

/** `day` (YYYY-MM-DD, UTC) moved by `days`; negative goes back. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The day, week (Monday to Sunday) and calendar month a day falls in, as first and last day. */
export function periodsOf(day: string): { period: AdoptionPeriodKind; start: string; end: string }[] {
  const date = new Date(`${day}T00:00:00Z`);
  const monday = addDays(day, -((date.getUTCDay() + 6) % 7));
  const nextMonth = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
  return [
    { period: "day", start: day, end: day },
    { period: "week", start: monday, end: addDays(monday, 6) },
    { period: "month", start: `${day.slice(0, 8)}01`, end: addDays(nextMonth, -1) },
  ];
}
