/**
 * A person's Microsoft 365 use on a day, computed rather than stored: it is
 * drawn from (seed, person, date) alone, so months of usage for twenty
 * thousand people cost no memory and always come out the same. Whether they
 * have moved onto Teams yet, and the holidays, come from adoption.ts.
 */

import { hasMovedToTeams, holidayFactor } from "./adoption";
import { dayNumber, dayOfDateTime, isWeekend } from "./dates";
import { Random, seedFrom } from "./random";
import type { Council, CouncilUser, UserDayActivity } from "./types";

export function activityFor(council: Council, user: CouncilUser, date: string): UserDayActivity {
  const day = dayNumber(date);
  const inService = user.accountEnabled && user.isLicensed && day >= dayOfDateTime(user.createdDateTime);
  if (!inService || day > dayNumber(council.today)) return idle();
  const random = new Random(seedFrom(council.seed, user.id, date));
  const weekend = isWeekend(day);
  const { engagement, mobileShare } = user;
  // Weekends belong to the few who work them, mostly out in the field.
  const workingChance = weekend ? 0.02 + 0.08 * engagement + 0.1 * mobileShare : 0.15 + 0.8 * engagement;
  if (!random.chance(workingChance * holidayFactor(day))) return idle();

  const intensity = engagement * (weekend ? 0.4 : 1) * random.between(0.4, 1.6);
  const count = (typical: number) => Math.round(typical * intensity * random.between(0.5, 1.5));
  // Someone who has not moved yet still lives in email and their own drive, joining the odd Teams meeting
  // they are invited to; the first private chat, and little else.
  const moved = hasMovedToTeams(council, user, day);
  const sometimes = (chance: number, typical: number) => (random.chance(chance) ? count(typical) : 0);
  const meetingsAttended = moved ? count(4) : sometimes(0.06, 2);
  const calls = moved ? count(3) : 0;
  const teamChatMessages = moved ? count(10) : 0;
  const privateChatMessages = moved ? count(28) : sometimes(0.03, 4);
  const postMessages = moved ? count(1.5) : 0;
  const replyMessages = moved ? count(2.5) : 0;
  const audioSeconds = (meetingsAttended + calls) * random.int(600, 2400);
  const emailsSent = count(moved ? 12 : 20);
  const emailsReceived = random.int(5, 20) + count(50);
  const emailsRead = Math.round(emailsReceived * random.between(0.5, 1));
  const usesTeams =
    meetingsAttended + calls + teamChatMessages + privateChatMessages + postMessages + replyMessages > 0;

  const habits = habitsOf(council, user);
  const onMobile = random.chance(mobileShare);
  // Field staff on a phone-only day never open a desk machine.
  const atDesk = !onMobile || random.chance(0.6);
  const on = (desk: Habits["desk"]) => atDesk && habits.desk === desk;
  const officeApps = {
    word: random.chance(0.1 + 0.5 * engagement),
    excel: random.chance(0.08 + 0.45 * engagement),
    powerPoint: random.chance(0.12 * engagement),
    oneNote: random.chance(0.05),
  };
  const usesOfficeApps = officeApps.word || officeApps.excel || officeApps.powerPoint || officeApps.oneNote;
  const outlook = emailsSent + emailsRead > 0;

  return {
    teamChatMessages,
    privateChatMessages,
    calls,
    meetingsOrganized: moved ? Math.min(meetingsAttended, count(1.2)) : 0,
    meetingsAttended,
    postMessages,
    replyMessages,
    audioSeconds,
    videoSeconds: Math.round(audioSeconds * random.between(0.1, 0.6)),
    screenShareSeconds: Math.round(audioSeconds * random.between(0, 0.25)),
    emailsSent,
    emailsReceived,
    emailsRead,
    teamsOn: {
      web: usesTeams && (on("web") || random.chance(0.04)),
      windows: usesTeams && on("windows"),
      mac: usesTeams && on("mac"),
      ios: usesTeams && onMobile && habits.phone === "ios",
      android: usesTeams && onMobile && habits.phone === "android",
    },
    appsOn: {
      windows: usesOfficeApps && on("windows"),
      mac: usesOfficeApps && on("mac"),
      mobile: onMobile && (outlook || usesTeams),
      web: usesOfficeApps && (on("web") || random.chance(0.15)),
    },
    apps: { outlook, ...officeApps, teams: usesTeams },
    oneDriveFilesViewedOrEdited: moved ? count(5) : sometimes(0.4, 3),
    sharePointFilesViewedOrEdited: moved ? count(7) : sometimes(0.15, 3),
  };
}

type Habits = { desk: "windows" | "mac" | "web"; phone: "ios" | "android" };

/** What a person always uses, whatever the day: their desk machine's platform and their phone's. */
function habitsOf(council: Council, user: CouncilUser): Habits {
  const bits = seedFrom(council.seed, user.id);
  const deskRoll = bits % 100;
  return {
    desk: deskRoll < 3 ? "mac" : deskRoll < 15 ? "web" : "windows",
    phone: (bits >>> 8) % 100 < 55 ? "ios" : "android",
  };
}

/** A fresh object each time, so callers may total into what they are given. */
function idle(): UserDayActivity {
  return {
    teamChatMessages: 0,
    privateChatMessages: 0,
    calls: 0,
    meetingsOrganized: 0,
    meetingsAttended: 0,
    postMessages: 0,
    replyMessages: 0,
    audioSeconds: 0,
    videoSeconds: 0,
    screenShareSeconds: 0,
    emailsSent: 0,
    emailsReceived: 0,
    emailsRead: 0,
    teamsOn: { web: false, windows: false, mac: false, ios: false, android: false },
    appsOn: { windows: false, mac: false, mobile: false, web: false },
    apps: { outlook: false, word: false, excel: false, powerPoint: false, oneNote: false, teams: false },
    oneDriveFilesViewedOrEdited: 0,
    sharePointFilesViewedOrEdited: 0,
  };
}
