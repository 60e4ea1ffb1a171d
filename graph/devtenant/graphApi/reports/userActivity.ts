import type { CouncilUser, UserDayActivity } from "../../council/types";
import type { GraphContext } from "../graphTypes";
import { addDays, type ReportWindow } from "./reportWindow";

/** One person's use summed over a report window, with the last day of each kind of activity. */
export type ActivitySummary = {
  totals: Omit<UserDayActivity, "teamsOn" | "appsOn" | "apps">;
  teamsOn: UserDayActivity["teamsOn"];
  appsOn: UserDayActivity["appsOn"];
  apps: UserDayActivity["apps"];
  /** Per app, the platforms it was used on (an app counts on a platform used the same day). */
  appPlatforms: Record<keyof UserDayActivity["apps"], UserDayActivity["appsOn"]>;
  last: { teams: string; email: string; oneDrive: string; sharePoint: string; apps: string };
};

/** How far before the window "Last Activity Date" is still looked for. */
const lookbackDays = 60;

const appNames = ["outlook", "word", "excel", "powerPoint", "oneNote", "teams"] as const;
const platforms = ["windows", "mac", "mobile", "web"] as const;

/** Sums activityFor over the window and finds each kind's last active day (blank when none). */
export function summarise(ctx: GraphContext, user: CouncilUser, window: ReportWindow): ActivitySummary {
  const summary = emptySummary();
  const first = window.days[0];
  const joined = user.createdDateTime.slice(0, 10);
  const stopAt = first === undefined ? window.refreshDate : addDays(first, -lookbackDays);
  const inWindow = new Set(window.days);
  for (let day = window.days.at(-1) ?? window.refreshDate; day >= stopAt && day >= joined; day = addDays(day, -1)) {
    const counted = inWindow.has(day);
    if (!counted && allFound(summary)) break;
    const a = ctx.activityFor(ctx.council, user, day);
    if (counted) add(summary, a);
    noteLast(summary, a, day);
  }
  return summary;
}

function add(s: ActivitySummary, a: UserDayActivity) {
  for (const key of Object.keys(s.totals) as (keyof ActivitySummary["totals"])[]) s.totals[key] += a[key];
  for (const key of Object.keys(s.teamsOn) as (keyof UserDayActivity["teamsOn"])[]) s.teamsOn[key] ||= a.teamsOn[key];
  for (const p of platforms) s.appsOn[p] ||= a.appsOn[p];
  for (const app of appNames) {
    s.apps[app] ||= a.apps[app];
    for (const p of platforms) s.appPlatforms[app][p] ||= a.apps[app] && a.appsOn[p];
  }
}

function noteLast(s: ActivitySummary, a: UserDayActivity, day: string) {
  const teams =
    a.teamChatMessages +
    a.privateChatMessages +
    a.calls +
    a.meetingsOrganized +
    a.meetingsAttended +
    a.postMessages +
    a.replyMessages;
  if (s.last.teams === "" && teams > 0) s.last.teams = day;
  if (s.last.email === "" && a.emailsSent + a.emailsRead > 0) s.last.email = day;
  if (s.last.oneDrive === "" && a.oneDriveFilesViewedOrEdited > 0) s.last.oneDrive = day;
  if (s.last.sharePoint === "" && a.sharePointFilesViewedOrEdited > 0) s.last.sharePoint = day;
  if (s.last.apps === "" && appNames.some((app) => a.apps[app])) s.last.apps = day;
}

function allFound(s: ActivitySummary): boolean {
  return Object.values(s.last).every((d) => d !== "");
}

function emptySummary(): ActivitySummary {
  const noPlatforms = () => ({ windows: false, mac: false, mobile: false, web: false });
  return {
    totals: {
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
      oneDriveFilesViewedOrEdited: 0,
      sharePointFilesViewedOrEdited: 0,
    },
    teamsOn: { web: false, windows: false, mac: false, ios: false, android: false },
    appsOn: noPlatforms(),
    apps: { outlook: false, word: false, excel: false, powerPoint: false, oneNote: false, teams: false },
    appPlatforms: {
      outlook: noPlatforms(),
      word: noPlatforms(),
      excel: noPlatforms(),
      powerPoint: noPlatforms(),
      oneNote: noPlatforms(),
      teams: noPlatforms(),
    },
    last: { teams: "", email: "", oneDrive: "", sharePoint: "", apps: "" },
  };
}
