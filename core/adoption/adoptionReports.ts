import type { UsageReportName } from "../usage/usageSnapshot";
import { platformBits } from "./adoptionTables";

/**
 * What one report row says about a person's day, in `adoption_person_day`'s
 * columns. Each report fills only its own columns; `teams_active` is said by
 * two reports and is the OR of both.
 */
export type PersonDayFigures = {
  teams_active?: boolean;
  team_chat?: number;
  private_chat?: number;
  posts?: number;
  calls?: number;
  meetings_organised?: number;
  meetings_attended?: number;
  teams_platforms?: number;
  apps_platforms?: number;
  apps_activated?: boolean;
  emails_sent?: number;
  email_active?: boolean;
  onedrive_active?: boolean;
  sharepoint_active?: boolean;
};

export type PersonDayColumn = keyof PersonDayFigures;

/** A usage report adoption reads: its bit in `reports`, the columns it owns and how a row fills them. */
export type AdoptionReport = {
  bit: number;
  columns: readonly PersonDayColumn[];
  figures(row: Record<string, string>, day: string): PersonDayFigures;
};

const count = (row: Record<string, string>, header: string) => {
  const value = Number.parseInt(row[header] ?? "", 10);
  return Number.isFinite(value) && value > 0 ? value : 0;
};
const yes = (row: Record<string, string>, header: string) => /^(yes|true)$/i.test(row[header] ?? "");
/** "Last Activity Date" on a single-day report: the person did something that very day. */
const activeOn = (row: Record<string, string>, header: string, day: string) => (row[header] ?? "").startsWith(day);

const platformsFrom = (row: Record<string, string>, headers: Record<keyof typeof platformBits, readonly string[]>) =>
  (Object.keys(platformBits) as (keyof typeof platformBits)[]).reduce(
    (bits, platform) => (headers[platform].some((h) => yes(row, h)) ? bits | platformBits[platform] : bits),
    0,
  );

const teamsUserActivity: AdoptionReport = {
  bit: 1,
  columns: ["teams_active", "team_chat", "private_chat", "posts", "calls", "meetings_organised", "meetings_attended"],
  figures(row, day) {
    const figures = {
      team_chat: count(row, "Team Chat Message Count"),
      private_chat: count(row, "Private Chat Message Count"),
      posts: count(row, "Post Messages") + count(row, "Reply Messages"),
      calls: count(row, "Call Count"),
      meetings_organised: count(row, "Meetings Organized Count"),
      meetings_attended: count(row, "Meetings Attended Count"),
    };
    const anyCount = Object.values(figures).some((v) => v > 0) || count(row, "Meeting Count") > 0;
    return { ...figures, teams_active: anyCount || activeOn(row, "Last Activity Date", day) };
  },
};

const office365ActiveUsers: AdoptionReport = {
  bit: 2,
  columns: ["onedrive_active", "sharepoint_active"],
  figures: (row, day) => ({
    onedrive_active: activeOn(row, "OneDrive Last Activity Date", day),
    sharepoint_active: activeOn(row, "SharePoint Last Activity Date", day),
  }),
};

const m365Apps: AdoptionReport = {
  bit: 4,
  columns: ["apps_platforms", "apps_activated"],
  figures: (row) => ({
    apps_platforms: platformsFrom(row, { desktop: ["Windows", "Mac"], web: ["Web"], mobile: ["Mobile"] }),
    apps_activated: (row["Last Activation Date"] ?? "").trim() !== "",
  }),
};

const emailActivity: AdoptionReport = {
  bit: 8,
  columns: ["emails_sent", "email_active"],
  figures(row, day) {
    const sent = count(row, "Send Count");
    return {
      emails_sent: sent,
      email_active: sent + count(row, "Read Count") > 0 || activeOn(row, "Last Activity Date", day),
    };
  },
};

const teamsDeviceUsage: AdoptionReport = {
  bit: 16,
  columns: ["teams_active", "teams_platforms"],
  figures(row, day) {
    const platforms = platformsFrom(row, {
      desktop: ["Used Windows", "Used Mac", "Used Linux", "Used Chrome OS"],
      web: ["Used Web"],
      mobile: ["Used iOS", "Used Android Phone", "Used Windows Phone"],
    });
    return { teams_platforms: platforms, teams_active: platforms !== 0 || activeOn(row, "Last Activity Date", day) };
  },
};

/** The usage reports adoption is built from. The others (OneDrive and SharePoint storage) it does not read. */
export const adoptionReports: Partial<Record<UsageReportName, AdoptionReport>> = {
  getTeamsUserActivityUserDetail: teamsUserActivity,
  getOffice365ActiveUserDetail: office365ActiveUsers,
  getM365AppUserDetail: m365Apps,
  getEmailActivityUserDetail: emailActivity,
  getTeamsDeviceUsageUserDetail: teamsDeviceUsage,
};

/** Reports whose names are all adoption needs (their raw rows need not be kept). */
export const adoptionReportNames = Object.keys(adoptionReports) as UsageReportName[];

/** The bits of the reports that also say whether someone was active in Teams. */
export const teamsActiveBits = Object.values(adoptionReports)
  .filter((r) => r.columns.includes("teams_active"))
  .reduce((bits, r) => bits | r.bit, 0);
