import { GraphHttpError } from "../graphTypes";

/** The days a report covers and how it labels them. */
export type ReportWindow = {
  /** "Report Refresh Date": the last day with data (YYYY-MM-DD). */
  refreshDate: string;
  /** Days covered, oldest first; empty when the day asked for has not landed yet. */
  days: string[];
  /** "Report Period": 7, 30, 90 or 180, or 1 for a single date. */
  periodDays: number;
};

/** A report function call as it appears in the path, e.g. getTeamsUserActivityUserDetail(period='D7'). */
export type ReportCall = { name: string; argument: { period: number } | { date: string } };

const periods = [7, 30, 90, 180];
/** Microsoft's usage data lands about 48 hours late. */
const landingDelayDays = 2;
/** Single-day reports go back this far, whatever the docs say about 30. */
const dateReachDays = 28;

/** Reads `getX(period='D7')` or `getX(date=2026-11-20)`; undefined when the segment is not a call. */
export function parseReportCall(segment: string): ReportCall | undefined {
  const match = /^(get[A-Za-z0-9]+)\((period|date)=(?:'([^']*)'|([^)]*))\)$/.exec(segment);
  if (!match) return undefined;
  const name = match[1] as string;
  const value = match[3] ?? match[4] ?? "";
  if (match[2] === "date") return { name, argument: { date: value } };
  const days = /^D(\d+)$/.exec(value)?.[1];
  if (!days || !periods.includes(Number(days))) {
    throw new GraphHttpError(
      400,
      "BadRequest",
      `Invalid value '${value}' for parameter 'period'. Supported values are D7, D30, D90 and D180.`,
    );
  }
  return { name, argument: { period: Number(days) } };
}

/** The window a call covers, relative to the council's today. */
export function reportWindow(call: ReportCall, today: string): ReportWindow {
  const refreshDate = addDays(today, -landingDelayDays);
  if ("period" in call.argument) {
    const n = call.argument.period;
    return { refreshDate, days: dayRange(addDays(refreshDate, -(n - 1)), refreshDate), periodDays: n };
  }
  const { date } = call.argument;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new GraphHttpError(400, "BadRequest", `Invalid value '${date}' for parameter 'date': use YYYY-MM-DD.`);
  }
  if (date < addDays(today, -dateReachDays)) {
    throw new GraphHttpError(400, "BadRequest", "Only support data for the past 28 days");
  }
  return { refreshDate: date, days: date <= refreshDate ? [date] : [], periodDays: 1 };
}

/** YYYY-MM-DD plus n days (n may be negative), in UTC. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function dayRange(first: string, last: string): string[] {
  const days: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) days.push(d);
  return days;
}
