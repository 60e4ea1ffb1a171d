import { type Column, duration, n, perUserReport, type ReportDefinition, type UserRow, yesNo } from "./reportColumns";

const assignedProducts = "MICROSOFT 365 E3";

const refreshDate: Column<UserRow> = ["Report Refresh Date", (r) => r.input.window.refreshDate];
const upn: Column<UserRow> = ["User Principal Name", (r) => r.input.shown(r.user.userPrincipalName)];
const displayName: Column<UserRow> = ["Display Name", (r) => r.input.shown(r.user.displayName)];
const userId: Column<UserRow> = ["User Id", (r) => r.input.shown(r.user.id)];
const notDeleted: Column<UserRow>[] = [
  ["Is Deleted", () => "False"],
  ["Deleted Date", () => ""],
];
const products: Column<UserRow> = ["Assigned Products", () => assignedProducts];
const reportPeriod: Column<UserRow> = ["Report Period", (r) => n(r.input.window.periodDays)];

/** Meetings split into ad hoc, scheduled one-time and recurring, deterministically. */
function meetingKinds(total: number) {
  const adHoc = Math.floor(total * 0.25);
  const oneTime = Math.floor(total * 0.35);
  return { adHoc, oneTime, recurring: total - adHoc - oneTime };
}

const teamsUserActivity = perUserReport([
  refreshDate,
  ["Tenant Display Name", (r) => r.input.ctx.council.displayName],
  ["Shared Channel Tenant Display Names", () => ""],
  userId,
  upn,
  ["Last Activity Date", (r) => r.s.last.teams],
  ...notDeleted,
  products,
  ["Team Chat Message Count", (r) => n(r.s.totals.teamChatMessages)],
  ["Private Chat Message Count", (r) => n(r.s.totals.privateChatMessages)],
  ["Call Count", (r) => n(r.s.totals.calls)],
  ["Meeting Count", (r) => n(r.s.totals.meetingsOrganized + r.s.totals.meetingsAttended)],
  ["Post Messages", (r) => n(r.s.totals.postMessages)],
  ["Reply Messages", (r) => n(r.s.totals.replyMessages)],
  ["Urgent Messages", () => "0"],
  ["Meetings Organized Count", (r) => n(r.s.totals.meetingsOrganized)],
  ["Meetings Attended Count", (r) => n(r.s.totals.meetingsAttended)],
  ["Ad Hoc Meetings Organized Count", (r) => n(meetingKinds(r.s.totals.meetingsOrganized).adHoc)],
  ["Ad Hoc Meetings Attended Count", (r) => n(meetingKinds(r.s.totals.meetingsAttended).adHoc)],
  ["Scheduled One-time Meetings Organized Count", (r) => n(meetingKinds(r.s.totals.meetingsOrganized).oneTime)],
  ["Scheduled One-time Meetings Attended Count", (r) => n(meetingKinds(r.s.totals.meetingsAttended).oneTime)],
  ["Scheduled Recurring Meetings Organized Count", (r) => n(meetingKinds(r.s.totals.meetingsOrganized).recurring)],
  ["Scheduled Recurring Meetings Attended Count", (r) => n(meetingKinds(r.s.totals.meetingsAttended).recurring)],
  ["Audio Duration", (r) => duration(r.s.totals.audioSeconds)],
  ["Video Duration", (r) => duration(r.s.totals.videoSeconds)],
  ["Screen Share Duration", (r) => duration(r.s.totals.screenShareSeconds)],
  ["Audio Duration In Seconds", (r) => n(r.s.totals.audioSeconds)],
  ["Video Duration In Seconds", (r) => n(r.s.totals.videoSeconds)],
  ["Screen Share Duration In Seconds", (r) => n(r.s.totals.screenShareSeconds)],
  ["Has Other Action", () => "No"],
  ["Is Licensed", () => "Yes"],
  reportPeriod,
]);

/** Per product: whether licensed, and which summary date is its last activity ("" for retired products). */
const products365 = [
  ["Exchange", true, (r: UserRow) => r.s.last.email],
  ["OneDrive", true, (r: UserRow) => r.s.last.oneDrive],
  ["SharePoint", true, (r: UserRow) => r.s.last.sharePoint],
  ["Skype For Business", false, () => ""],
  ["Yammer", true, () => ""],
  ["Teams", true, (r: UserRow) => r.s.last.teams],
] as const;

const office365ActiveUsers = perUserReport([
  refreshDate,
  upn,
  displayName,
  ...notDeleted,
  ...products365.map(([p, licensed]): Column<UserRow> => [`Has ${p} License`, () => (licensed ? "True" : "False")]),
  ...products365.map(([p, , last]): Column<UserRow> => [`${p} Last Activity Date`, last]),
  ...products365.map(
    ([p, licensed]): Column<UserRow> => [
      `${p} License Assign Date`,
      (r) => (licensed ? r.user.createdDateTime.slice(0, 10) : ""),
    ],
  ),
  products,
]);

const apps = [
  ["Outlook", "outlook"],
  ["Word", "word"],
  ["Excel", "excel"],
  ["PowerPoint", "powerPoint"],
  ["OneNote", "oneNote"],
  ["Teams", "teams"],
] as const;
const platforms = [
  ["Windows", "windows"],
  ["Mac", "mac"],
  ["Mobile", "mobile"],
  ["Web", "web"],
] as const;

const m365AppUsers = perUserReport([
  refreshDate,
  upn,
  ["Last Activation Date", (r) => r.user.createdDateTime.slice(0, 10)],
  ["Last Activity Date", (r) => r.s.last.apps],
  reportPeriod,
  ...platforms.map(([name, key]): Column<UserRow> => [name, (r) => yesNo(r.s.appsOn[key])]),
  ...apps.map(([name, key]): Column<UserRow> => [name, (r) => yesNo(r.s.apps[key])]),
  ...platforms.flatMap(([platform, p]) =>
    apps.map(([app, a]): Column<UserRow> => [`${app} (${platform})`, (r) => yesNo(r.s.appPlatforms[a][p])]),
  ),
]);

const emailActivity = perUserReport([
  refreshDate,
  upn,
  displayName,
  ...notDeleted,
  ["Last Activity Date", (r) => r.s.last.email],
  ["Send Count", (r) => n(r.s.totals.emailsSent)],
  ["Receive Count", (r) => n(r.s.totals.emailsReceived)],
  ["Read Count", (r) => n(r.s.totals.emailsRead)],
  ["Meeting Created Count", (r) => n(r.s.totals.meetingsOrganized)],
  ["Meeting Interacted Count", (r) => n(r.s.totals.meetingsAttended)],
  products,
  reportPeriod,
]);

const teamsDeviceUsage = perUserReport([
  refreshDate,
  userId,
  upn,
  ["Last Activity Date", (r) => r.s.last.teams],
  ...notDeleted,
  ["Used Web", (r) => yesNo(r.s.teamsOn.web)],
  ["Used Windows Phone", () => "No"],
  ["Used iOS", (r) => yesNo(r.s.teamsOn.ios)],
  ["Used Mac", (r) => yesNo(r.s.teamsOn.mac)],
  ["Used Android Phone", (r) => yesNo(r.s.teamsOn.android)],
  ["Used Windows", (r) => yesNo(r.s.teamsOn.windows)],
  ["Used Chrome OS", () => "No"],
  ["Used Linux", () => "No"],
  ["Is Licensed", () => "Yes"],
  reportPeriod,
]);

/** The per-person Microsoft 365 activity reports, by function name. */
export const activityReports: Record<string, ReportDefinition> = {
  getTeamsUserActivityUserDetail: teamsUserActivity,
  getOffice365ActiveUserDetail: office365ActiveUsers,
  getM365AppUserDetail: m365AppUsers,
  getEmailActivityUserDetail: emailActivity,
  getTeamsDeviceUsageUserDetail: teamsDeviceUsage,
};
