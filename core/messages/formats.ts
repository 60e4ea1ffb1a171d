import type { Locale } from "./catalogue";

const longDates = new Map<Locale, Intl.DateTimeFormat>();

/** A day as people write it ("3 March 2020"), in UTC so that the same instant reads the same everywhere. */
export function longDate(date: Date, locale: Locale = "en-GB"): string {
  let format = longDates.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    longDates.set(locale, format);
  }
  return format.format(date);
}
