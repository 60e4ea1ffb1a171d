import { describe, expect, it } from "vitest";
import { pulseDraft } from "../../../core/pulses/pulseDraft";
import { addMonths, dueRun, fixSchedule, runAt } from "../../../core/pulses/schedule";
import { aDraft } from "./pulseFixtures";

const at = (iso: string) => new Date(iso);

describe("pulse schedules", () => {
  it("runs a once pulse at its start and never again", () => {
    const schedule = fixSchedule({ kind: "once", startsAt: "2027-03-01T09:00:00Z" }, at("2027-01-01T00:00:00Z"));
    expect(runAt(schedule, 0)).toEqual(at("2027-03-01T09:00:00Z"));
    expect(runAt(schedule, 1)).toBeNull();
  });

  it('fixes a start of "now" to the time the pulse was created', () => {
    expect(fixSchedule({ kind: "once", startsAt: "now" }, at("2027-05-02T10:30:00Z"))).toEqual({
      kind: "once",
      startsAt: "2027-05-02T10:30:00.000Z",
    });
  });

  it("keeps the day of the month, falling back to the month's last day without drifting", () => {
    const start = at("2027-01-31T09:00:00Z");
    expect(addMonths(start, 1)).toEqual(at("2027-02-28T09:00:00Z"));
    expect(addMonths(start, 2)).toEqual(at("2027-03-31T09:00:00Z"));
    expect(addMonths(at("2027-11-30T09:00:00Z"), 3)).toEqual(at("2028-02-29T09:00:00Z"));
  });

  it("runs quarterly every three months until the last day given, inclusive", () => {
    const schedule = { kind: "quarterly" as const, startsAt: "2027-04-01T09:00:00Z", until: "2028-01-01" };
    expect([0, 1, 2, 3, 4].map((i) => runAt(schedule, i)?.toISOString() ?? null)).toEqual([
      "2027-04-01T09:00:00.000Z",
      "2027-07-01T09:00:00.000Z",
      "2027-10-01T09:00:00.000Z",
      "2028-01-01T09:00:00.000Z",
      null,
    ]);
  });

  it("starts only the latest due run after the app was stopped, skipping the missed ones", () => {
    const schedule = { kind: "monthly" as const, startsAt: "2027-01-10T09:00:00Z" };
    expect(dueRun(schedule, 0, at("2027-01-10T08:59:00Z"))).toBeNull();
    expect(dueRun(schedule, 0, at("2027-04-12T00:00:00Z"))).toEqual({ index: 3, at: at("2027-04-10T09:00:00Z") });
    expect(dueRun(schedule, 4, at("2027-04-12T00:00:00Z"))).toBeNull();
  });
});

describe("pulse drafts", () => {
  it("accepts the contract's draft and defaults the threshold to 5", () => {
    const { threshold: _, ...withoutThreshold } = aDraft();
    expect(pulseDraft.parse(withoutThreshold).threshold).toBe(5);
  });

  it("refuses a threshold under 5, a reminder not before closing, and runs that would overlap, naming the field", () => {
    const problems = (draft: unknown) =>
      pulseDraft.safeParse(draft).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
    expect(problems(aDraft({ threshold: 3 }))).toEqual([expect.stringMatching(/^threshold: threshold/)]);
    expect(problems(aDraft({ remindAfterDays: 7 }))).toEqual([expect.stringMatching(/^remindAfterDays/)]);
    expect(problems(aDraft({ schedule: { kind: "monthly", startsAt: "2027-01-01T09:00:00Z" }, openDays: 30 }))).toEqual(
      [expect.stringMatching(/^openDays: .*at most 28 days/)],
    );
    expect(problems(aDraft({ audience: { kind: "sample", size: 5 } }))).toEqual([
      expect.stringMatching(/^audience.size/),
    ]);
    expect(problems(aDraft({ audience: { kind: "resolvedTickets", from: "2027-02-01", to: "2027-01-01" } }))).toEqual([
      expect.stringMatching(/^audience.to/),
    ]);
  });
});
