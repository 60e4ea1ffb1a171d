import { t } from "../../../../../core/messages/catalogue";
import type { PulseDraft } from "../../../api/pulseTypes";

/** The form as typed: numbers and dates stay text until they are sent, so a half-typed value is never lost. */
export type PulseForm = {
  title: string;
  ratingQuestion: string;
  askRecommend: boolean;
  askComment: boolean;
  audienceKind: PulseDraft["audience"]["kind"];
  directorates: string[];
  sampleSize: string;
  ticketsFrom: string;
  ticketsTo: string;
  scheduleKind: PulseDraft["schedule"]["kind"];
  /** A datetime-local value in the viewer's time zone. */
  startsAt: string;
  /** A date, for monthly and quarterly pulses; empty for no end. */
  until: string;
  openDays: string;
  anonymous: boolean;
  threshold: string;
  remind: boolean;
  remindAfterDays: string;
};

/** The fields an error can be shown beside. */
export type FieldName = keyof PulseForm;

const pad = (n: number) => String(n).padStart(2, "0");
const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const localMinute = (d: Date) => `${localDay(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** A new pulse: sent now to everyone, open a week, anonymous, with the smallest group the contract allows. */
export function emptyForm(now: Date = new Date()): PulseForm {
  const monthAgo = new Date(now);
  monthAgo.setMonth(monthAgo.getMonth() - 1);
  return {
    title: "",
    ratingQuestion: t("tabs.pulses.form.defaultQuestion"),
    askRecommend: false,
    askComment: true,
    audienceKind: "all",
    directorates: [],
    sampleSize: "200",
    ticketsFrom: localDay(monthAgo),
    ticketsTo: localDay(now),
    scheduleKind: "once",
    startsAt: localMinute(now),
    until: "",
    openDays: "7",
    anonymous: true,
    threshold: "5",
    remind: true,
    remindAfterDays: "3",
  };
}

/** A number as typed; an empty or unreadable box goes as null, so that the server says what is missing beside it. */
const typed = (text: string): number => {
  const n = Number(text);
  return (text.trim() === "" || !Number.isFinite(n) ? null : n) as number;
};
const instant = (local: string): string => {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
};

/** The draft the API takes, from the form as it stands. */
export function toDraft(form: PulseForm): PulseDraft {
  const audience: PulseDraft["audience"] =
    form.audienceKind === "directorates"
      ? { kind: "directorates", directorates: form.directorates }
      : form.audienceKind === "sample"
        ? { kind: "sample", size: typed(form.sampleSize) }
        : form.audienceKind === "resolvedTickets"
          ? { kind: "resolvedTickets", from: form.ticketsFrom, to: form.ticketsTo }
          : { kind: "all" };
  const schedule: PulseDraft["schedule"] =
    form.scheduleKind === "once"
      ? { kind: "once", startsAt: instant(form.startsAt) }
      : {
          kind: form.scheduleKind,
          startsAt: instant(form.startsAt),
          ...(form.until ? { until: instant(`${form.until}T23:59`) } : {}),
        };
  return {
    title: form.title.trim(),
    ratingQuestion: form.ratingQuestion.trim(),
    askRecommend: form.askRecommend,
    askComment: form.askComment,
    audience,
    schedule,
    openDays: typed(form.openDays),
    anonymous: form.anonymous,
    threshold: typed(form.threshold),
    remindAfterDays: form.remind ? typed(form.remindAfterDays) : null,
  };
}

/** Where each path of the draft is shown in the form. */
const fieldOfPath: Record<string, FieldName> = {
  title: "title",
  ratingQuestion: "ratingQuestion",
  askRecommend: "askRecommend",
  askComment: "askComment",
  audience: "audienceKind",
  "audience.kind": "audienceKind",
  "audience.directorates": "directorates",
  "audience.size": "sampleSize",
  "audience.from": "ticketsFrom",
  "audience.to": "ticketsTo",
  schedule: "startsAt",
  "schedule.kind": "scheduleKind",
  "schedule.startsAt": "startsAt",
  "schedule.until": "until",
  openDays: "openDays",
  anonymous: "anonymous",
  threshold: "threshold",
  remindAfterDays: "remindAfterDays",
};

export type FieldErrors = { fields: Partial<Record<FieldName, string>>; general: string[] };

/**
 * Splits the API's 400 message (zod's prettified form: "✖ what is wrong" then
 * "→ at path" for each problem) into each problem's path and words; problems
 * with no path (about the whole body) have none.
 */
export function splitProblems(message: string): { path: string | null; message: string }[] {
  return message
    .split(/^✖\s*/m)
    .filter((part) => part.trim() !== "")
    .map((problem) => {
      const [text = "", ...rest] = problem.trim().split("\n");
      const at = rest.join(" ").match(/→ at ([\w.[\]]+)/)?.[1] ?? null;
      // Array positions (audience.directorates[0], audience.directorates.0) belong to the list.
      const path = at === null ? null : at.replace(/\[\d+\]|\.\d+/g, "");
      // The message may start with its own path ("title: 3 to 120 characters"): the field says that already.
      const prefix = text.match(/^([\w.]+):\s*/);
      const own = prefix && at && (prefix[1] === at || at.endsWith(`.${prefix[1]}`));
      return { path, message: (own ? text.slice(prefix[0].length) : text).trim() || text.trim() };
    });
}

/** The API's 400 message for a draft, as messages beside the form's fields and the rest. */
export function fieldErrors(message: string): FieldErrors {
  const found: FieldErrors = { fields: {}, general: [] };
  for (const problem of splitProblems(message)) {
    const field = problem.path === null ? undefined : fieldOfPath[problem.path];
    if (!field) found.general.push(problem.message);
    else found.fields[field] ??= problem.message;
  }
  return found;
}
