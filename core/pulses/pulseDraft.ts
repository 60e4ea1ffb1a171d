import { z } from "zod";
import { t } from "../messages/catalogue";

/** Who a pulse goes to (docs/tab-api.md, "Pulses"). */
export const pulseAudience = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("all") }),
  z.object({
    kind: z.literal("directorates"),
    directorates: z
      .array(z.string().trim().min(1).max(200))
      .min(1, { error: t("pulse.draft.directoratesCount") })
      .max(50, { error: t("pulse.draft.directoratesCount") })
      .refine((names) => new Set(names).size === names.length, { error: t("pulse.draft.directoratesRepeated") }),
  }),
  z.object({
    kind: z.literal("sample"),
    size: z
      .number()
      .int()
      .min(10, { error: t("pulse.draft.sampleSize") })
      .max(100_000, { error: t("pulse.draft.sampleSize") }),
  }),
  z
    .object({ kind: z.literal("resolvedTickets"), from: z.iso.date(), to: z.iso.date() })
    .refine((a) => a.from <= a.to, { error: t("pulse.draft.periodOrder"), path: ["to"] }),
]);
export type PulseAudience = z.infer<typeof pulseAudience>;

/** An ISO date-time with its offset; "now" (or any past time) sends at the scheduler's next round. */
const startsAt = z.union([z.literal("now"), z.iso.datetime({ offset: true })], {
  error: t("pulse.draft.startsAt"),
});
const until = z.union([z.iso.datetime({ offset: true }), z.iso.date()], { error: t("pulse.draft.until") });

export const pulseSchedule = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("once"), startsAt }),
  z.object({ kind: z.enum(["monthly", "quarterly"]), startsAt, until: until.optional() }),
]);
export type PulseSchedule = z.infer<typeof pulseSchedule>;

/** Days between runs that a recurring run must close within, so that runs never overlap. */
export const longestOpenDays = { monthly: 28, quarterly: 60 } as const;

/** What ICT fills in to create a pulse; the contract's PulseDraft, checked field by field. */
export const pulseDraft = z
  .object({
    title: z
      .string()
      .trim()
      .min(3, { error: t("pulse.draft.title") })
      .max(120, { error: t("pulse.draft.title") }),
    ratingQuestion: z
      .string()
      .trim()
      .min(5, { error: t("pulse.draft.ratingQuestion") })
      .max(300, { error: t("pulse.draft.ratingQuestion") }),
    askRecommend: z.boolean(),
    askComment: z.boolean(),
    audience: pulseAudience,
    schedule: pulseSchedule,
    openDays: z
      .number()
      .int()
      .min(1, { error: t("pulse.draft.openDays") })
      .max(60, { error: t("pulse.draft.openDays") }),
    anonymous: z.boolean(),
    threshold: z
      .number()
      .int()
      .min(5, { error: t("pulse.draft.threshold") })
      .max(100, { error: t("pulse.draft.threshold") })
      .default(5),
    remindAfterDays: z
      .number()
      .int()
      .min(1, { error: t("pulse.draft.remindAfterDays") })
      .nullable()
      .default(null),
  })
  .superRefine((draft, ctx) => {
    if (draft.remindAfterDays !== null && draft.remindAfterDays >= draft.openDays) {
      ctx.addIssue({ code: "custom", path: ["remindAfterDays"], message: t("pulse.draft.remindAfterDays") });
    }
    const { schedule } = draft;
    if (schedule.kind === "once") return;
    if (draft.openDays > longestOpenDays[schedule.kind]) {
      ctx.addIssue({
        code: "custom",
        path: ["openDays"],
        message: t("pulse.draft.openDaysRecurring", { days: longestOpenDays[schedule.kind] }),
      });
    }
    if (schedule.until && schedule.startsAt !== "now" && Date.parse(schedule.until) < Date.parse(schedule.startsAt)) {
      ctx.addIssue({ code: "custom", path: ["schedule", "until"], message: t("pulse.draft.untilBeforeStart") });
    }
  });
export type PulseDraft = z.infer<typeof pulseDraft>;
