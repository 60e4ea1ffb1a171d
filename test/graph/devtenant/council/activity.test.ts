import { describe, expect, it } from "vitest";
import {
  activityFor,
  type Council,
  type CouncilUser,
  generateCouncil,
  type UserDayActivity,
} from "../../../../graph/devtenant/council";

const council = generateCouncil({ seed: 3, staff: 2000, devices: 2200 });
const users = [...council.users.values()];
const working = users.filter((user) => user.accountEnabled && user.isLicensed);

/** The fourteen days up to the council's today (2026-11-23 is a Monday). */
const fortnight = Array.from({ length: 14 }, (_, index) =>
  new Date(Date.parse(council.today) - index * 86_400_000).toISOString().slice(0, 10),
);
const isWeekend = (date: string) => [0, 6].includes(new Date(date).getUTCDay());

function messages(activity: UserDayActivity): number {
  return activity.teamChatMessages + activity.privateChatMessages;
}

function averageMessages(council: Council, people: readonly CouncilUser[], dates: readonly string[]): number {
  let total = 0;
  for (const user of people) for (const date of dates) total += messages(activityFor(council, user, date));
  return total / (people.length * dates.length);
}

function isIdle(activity: UserDayActivity): boolean {
  const values = [
    ...Object.values(activity).filter((value) => typeof value === "number"),
    ...Object.values(activity.teamsOn),
    ...Object.values(activity.appsOn),
    ...Object.values(activity.apps),
  ];
  return values.every((value) => value === 0 || value === false);
}

describe("activityFor", () => {
  it("gives the same activity for the same person and day, without storing anything", () => {
    const user = working[10];
    if (!user) throw new Error("no user");
    expect(activityFor(council, user, "2026-11-18")).toEqual(activityFor(council, user, "2026-11-18"));
    const again = generateCouncil({ seed: 3, staff: 2000, devices: 2200 });
    const sameUser = again.users.get(user.id);
    if (!sameUser) throw new Error("user missing from the regenerated council");
    expect(activityFor(again, sameUser, "2026-11-18")).toEqual(activityFor(council, user, "2026-11-18"));
  });

  it("varies from day to day", () => {
    const days = fortnight.map((date) => messages(activityFor(council, working[0] as CouncilUser, date)));
    expect(new Set(days).size).toBeGreaterThan(1);
  });

  it("is much quieter at weekends than on weekdays", () => {
    const weekdays = averageMessages(
      council,
      working,
      fortnight.filter((date) => !isWeekend(date)),
    );
    const weekends = averageMessages(council, working, fortnight.filter(isWeekend));
    expect(weekdays).toBeGreaterThan(3 * weekends);
  });

  it("is nothing at all for disabled or unlicensed accounts", () => {
    const inactive = users.filter((user) => !user.accountEnabled || !user.isLicensed);
    expect(inactive.length).toBeGreaterThan(0);
    for (const user of inactive) {
      for (const date of fortnight) expect(isIdle(activityFor(council, user, date))).toBe(true);
    }
  });

  it("is nothing before the account existed or after the council's today", () => {
    const user = working[0] as CouncilUser;
    expect(isIdle(activityFor(council, user, "2001-01-01"))).toBe(true);
    expect(isIdle(activityFor(council, user, "2027-06-01"))).toBe(true);
  });

  it("is heavier in an office directorate (Resources) than in a frontline one (Environment)", () => {
    const weekdays = fortnight.filter((date) => !isWeekend(date));
    const resources = working.filter((user) => user.department === "Resources");
    const environment = working.filter((user) => user.department === "Environment");
    expect(averageMessages(council, resources, weekdays)).toBeGreaterThan(
      1.5 * averageMessages(council, environment, weekdays),
    );
  });

  it("puts frontline staff on Teams mobile more often than office staff", () => {
    const mobileShare = (department: string) => {
      let mobile = 0;
      let active = 0;
      for (const user of working.filter((person) => person.department === department)) {
        for (const date of fortnight) {
          const { teamsOn, apps } = activityFor(council, user, date);
          if (!apps.teams) continue;
          active++;
          if (teamsOn.ios || teamsOn.android) mobile++;
        }
      }
      return mobile / active;
    };
    expect(mobileShare("Environment")).toBeGreaterThan(mobileShare("Resources"));
  });

  it("shows Teams on some platform whenever Teams was used", () => {
    for (const user of working.slice(0, 200)) {
      for (const date of fortnight) {
        const { teamsOn, apps } = activityFor(council, user, date);
        if (apps.teams) expect(Object.values(teamsOn).some(Boolean)).toBe(true);
      }
    }
  });

  it("rejects a date that is not YYYY-MM-DD", () => {
    expect(() => activityFor(council, working[0] as CouncilUser, "23/11/2026")).toThrow(RangeError);
  });
});
