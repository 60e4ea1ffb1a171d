/**
 * The council keeps dates as whole days since 1970-01-01 (UTC) while it works,
 * because adding days and comparing them is then plain arithmetic; Graph's
 * strings are made only at the edges. The conversions are Howard Hinnant's
 * civil-calendar algorithms rather than Date objects: usage reports convert
 * millions of dates, and Date allocation dominated the cost.
 */

/** Days since 1970-01-01 of a "YYYY-MM-DD" date; throws on anything that is not a real calendar date. */
export function dayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year, month, dayOfMonth] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const day = daysFromCivil(year, month, dayOfMonth);
  const [y, m, d] = civilFromDays(day);
  if (!match || y !== year || m !== month || d !== dayOfMonth) {
    throw new RangeError(`expected a date as YYYY-MM-DD, got "${date}"`);
  }
  return day;
}

/** "YYYY-MM-DD". */
export function dateOf(day: number): string {
  const [year, month, dayOfMonth] = civilFromDays(day);
  return `${year}-${pad(month)}-${pad(dayOfMonth)}`;
}

/** Graph's date-time form, whole seconds: "2026-11-23T09:12:44Z". */
export function dateTimeOf(day: number, secondOfDay: number): string {
  const hours = Math.floor(secondOfDay / 3600);
  const minutes = Math.floor((secondOfDay % 3600) / 60);
  return `${dateOf(day)}T${pad(hours)}:${pad(minutes)}:${pad(secondOfDay % 60)}Z`;
}

/** The (UTC) day of an ISO date-time. */
export function dayOfDateTime(dateTime: string): number {
  return Math.floor(Date.parse(dateTime) / 86_400_000);
}

export function yearOf(day: number): number {
  return civilFromDays(day)[0];
}

/** The day number of 1 January of year. */
export function firstDayOfYear(year: number): number {
  return daysFromCivil(year, 1, 1);
}

/** [month 1–12, day of the month 1–31] of a day number. */
export function monthAndDayOf(day: number): [number, number] {
  const [, month, dayOfMonth] = civilFromDays(day);
  return [month, dayOfMonth];
}

export function isWeekend(day: number): boolean {
  // 1970-01-01 was a Thursday, so day 2 was the first Saturday.
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function daysFromCivil(year: number, month: number, dayOfMonth: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + dayOfMonth - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(day: number): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfMonth];
}
