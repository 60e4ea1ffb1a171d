import { t } from "../messages/catalogue";
import { longDate } from "../messages/formats";
import type { PulseAudience, PulseSchedule } from "./pulseDraft";

/** Who a pulse goes to, in words, for the tab and the preview. */
export function audienceLabel(audience: PulseAudience): string {
  switch (audience.kind) {
    case "all":
      return t("pulse.audience.all");
    case "directorates":
      return t("pulse.audience.directorates", { directorates: audience.directorates.join(", ") });
    case "sample":
      return t("pulse.audience.sample", { size: audience.size.toLocaleString("en-GB") });
    case "resolvedTickets":
      return t("pulse.audience.resolvedTickets", {
        from: longDate(new Date(`${audience.from}T00:00:00Z`)),
        to: longDate(new Date(`${audience.to}T00:00:00Z`)),
      });
  }
}

const dateOf = (value: string, now: Date) => longDate(value === "now" ? now : new Date(value));

/** When a pulse runs, in words: "Quarterly from 1 April 2027 until 31 March 2028". */
export function scheduleLabel(schedule: PulseSchedule, now: Date = new Date()): string {
  const date = dateOf(schedule.startsAt, now);
  if (schedule.kind === "once") return t("pulse.schedule.once", { date });
  const recurring = t(`pulse.schedule.${schedule.kind}`, { date });
  return schedule.until
    ? t("pulse.schedule.until", { schedule: recurring, date: dateOf(schedule.until, now) })
    : recurring;
}
