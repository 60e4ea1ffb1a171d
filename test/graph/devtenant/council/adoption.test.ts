import { describe, expect, it } from "vitest";
import { activityFor, type CouncilUser, generateCouncil } from "../../../../graph/devtenant/council";
import {
  ADOPTION_PROGRAMME_START,
  adoptionPlan,
  teamsAdoptionLevel,
} from "../../../../graph/devtenant/council/adoption";
import { dateOf, dayNumber } from "../../../../graph/devtenant/council/dates";

const council = generateCouncil({ seed: 3, staff: 3000, devices: 0 });
const working = [...council.users.values()].filter((user) => user.accountEnabled && user.isLicensed);
const plan = adoptionPlan(council);
const others = council.directorates
  .map((directorate) => directorate.id)
  .filter((id) => id !== plan.earlyDirectorateId && id !== plan.laggingDirectorateId);

function staffOf(directorateId: string): CouncilUser[] {
  return working.filter((user) => user.directorateId === directorateId);
}

/** The share of people who used Teams at all in the seven days from a Monday, as a weekly report counts them. */
function weeklyTeamsShare(people: readonly CouncilUser[], monday: string): number {
  const first = dayNumber(monday);
  let active = 0;
  for (const user of people) {
    for (let day = first; day < first + 7; day++) {
      if (activityFor(council, user, dateOf(day)).apps.teams) {
        active++;
        break;
      }
    }
  }
  return active / people.length;
}

/** Messages and meetings per person on the weekdays from a Monday, a measure of how much work happens. */
function weekdayActivity(people: readonly CouncilUser[], monday: string): number {
  const first = dayNumber(monday);
  let total = 0;
  for (const user of people) {
    for (let day = first; day < first + 5; day++) {
      const a = activityFor(council, user, dateOf(day));
      total += a.emailsSent + a.privateChatMessages + a.teamChatMessages + a.meetingsAttended;
    }
  }
  return total / people.length;
}

// Mondays: the programme's first week, a year in, and the weeks before the council's today (2026-11-23).
const start = "2023-12-04";
const yearIn = "2024-12-02";
const recent = "2026-11-09";

describe("how the generated council moves onto Teams", () => {
  it("names an early and a lagging directorate, Resources and Environment in a full-sized council", () => {
    expect(plan.earlyDirectorateId).toBe("dir-resources");
    expect(plan.laggingDirectorateId).toBe("dir-environment");
    const small = adoptionPlan(generateCouncil({ seed: 3, staff: 300, devices: 0, directorates: 3 }));
    expect(small.earlyDirectorateId).not.toBe(small.laggingDirectorateId);
  });

  it("keeps the early directorate's Teams use high from the programme's first week, above every other directorate's then", () => {
    const early = weeklyTeamsShare(staffOf(plan.earlyDirectorateId), start);
    expect(early).toBeGreaterThan(0.65);
    for (const id of [plan.laggingDirectorateId, ...others]) {
      expect(weeklyTeamsShare(staffOf(id), start), id).toBeLessThan(early - 0.15);
    }
    expect(weeklyTeamsShare(staffOf(plan.earlyDirectorateId), recent)).toBeGreaterThan(early - 0.05);
  });

  it("keeps the lagging directorate low, rising slowly, and below every other directorate at the end", () => {
    const lagging = staffOf(plan.laggingDirectorateId);
    const first = weeklyTeamsShare(lagging, start);
    const last = weeklyTeamsShare(lagging, recent);
    expect(first).toBeLessThan(0.25);
    expect(last).toBeGreaterThan(first + 0.08);
    expect(last).toBeLessThan(0.5);
    for (const id of [plan.earlyDirectorateId, ...others]) {
      expect(weeklyTeamsShare(staffOf(id), recent), id).toBeGreaterThan(last + 0.15);
    }
  });

  it("moves the other directorates along a curve over the programme's years, each at its own pace", () => {
    for (const id of others) {
      const staff = staffOf(id);
      expect(weeklyTeamsShare(staff, recent), id).toBeGreaterThan(weeklyTeamsShare(staff, start) + 0.25);
    }
    const levels = (day: string) => others.map((id) => teamsAdoptionLevel(council, id, dayNumber(day)));
    // Never backwards, and not all in step: a year in, some have moved much further than others.
    const [first, middle, last] = [levels(ADOPTION_PROGRAMME_START), levels(yearIn), levels(recent)];
    others.forEach((id, index) => {
      expect(middle[index], id).toBeGreaterThanOrEqual(first[index] ?? 1);
      expect(last[index], id).toBeGreaterThanOrEqual(middle[index] ?? 1);
    });
    expect(Math.max(...middle) - Math.min(...middle)).toBeGreaterThan(0.2);
  });

  it("dips in August and between Christmas and New Year", () => {
    const everyone = working.slice(0, 1500);
    const july = weekdayActivity(everyone, "2025-07-14");
    const august = weekdayActivity(everyone, "2025-08-11");
    const september = weekdayActivity(everyone, "2025-09-15");
    expect(august).toBeLessThan(0.85 * july);
    expect(august).toBeLessThan(0.85 * september);
    const december = weekdayActivity(everyone, "2025-12-08");
    const christmas = weekdayActivity(everyone, "2025-12-22");
    const newYear = weekdayActivity(everyone, "2025-12-29");
    const january = weekdayActivity(everyone, "2026-01-12");
    expect(christmas).toBeLessThan(0.6 * december);
    expect(newYear).toBeLessThan(0.5 * january);
  });

  it("sends more email from people who have not moved, so the shift from email to Teams shows over time", () => {
    const lagging = staffOf(plan.laggingDirectorateId);
    const emailsPerMessage = (people: readonly CouncilUser[], monday: string) => {
      let emails = 0;
      let messages = 0;
      for (const user of people) {
        for (let day = dayNumber(monday); day < dayNumber(monday) + 5; day++) {
          const a = activityFor(council, user, dateOf(day));
          emails += a.emailsSent;
          messages += a.teamChatMessages + a.privateChatMessages + a.postMessages + a.replyMessages;
        }
      }
      return emails / Math.max(1, messages);
    };
    expect(emailsPerMessage(lagging, start)).toBeGreaterThan(
      2 * emailsPerMessage(staffOf(plan.earlyDirectorateId), start),
    );
    const curved = others.flatMap(staffOf);
    expect(emailsPerMessage(curved, recent)).toBeLessThan(0.7 * emailsPerMessage(curved, start));
  });
});
