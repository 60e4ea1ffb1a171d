import type { CouncilSite } from "../../council/types";
import {
  type Column,
  n,
  perItemReport,
  perUserReport,
  type ReportDefinition,
  type ReportInput,
  type UserRow,
} from "./reportColumns";

type SiteRow = { item: CouncilSite; input: ReportInput };

const oneDriveUsage = perUserReport([
  ["Report Refresh Date", (r) => r.input.window.refreshDate],
  ["Site URL", (r) => (r.input.concealing ? "" : oneDriveUrl(r))],
  ["Owner Display Name", (r) => r.input.shown(r.user.displayName)],
  ["Is Deleted", () => "False"],
  ["Last Activity Date", (r) => oneDriveLastActivity(r)],
  ["File Count", (r) => n(r.user.oneDrive.fileCount)],
  ["Active File Count", (r) => n(Math.min(r.user.oneDrive.fileCount, r.s.totals.oneDriveFilesViewedOrEdited))],
  ["Storage Used (Byte)", (r) => n(r.user.oneDrive.storageUsed)],
  ["Storage Allocated (Byte)", (r) => n(r.user.oneDrive.storageAllocated)],
  ["Owner Principal Name", (r) => r.input.shown(r.user.userPrincipalName)],
  ["Report Period", (r) => n(r.input.window.periodDays)],
] satisfies Column<UserRow>[]);

function oneDriveUrl(r: UserRow): string {
  return `https://${r.input.ctx.council.sharePointHost}-my.sharepoint.com/personal/${r.user.userPrincipalName.replace(/[.@]/g, "_")}`;
}

/** The later of the generated last use and the last day activity touched OneDrive, never after the refresh date. */
function oneDriveLastActivity(r: UserRow): string {
  const recorded = r.user.oneDrive.lastActivityDate;
  const known = recorded && recorded <= r.input.window.refreshDate ? recorded : "";
  return r.s.last.oneDrive > known ? r.s.last.oneDrive : known;
}

const owner = (r: SiteRow) => r.input.ctx.council.users.get(r.item.ownerUserId);

const sharePointSiteUsage = perItemReport<CouncilSite>(
  (input) => input.ctx.council.sites,
  [
    ["Report Refresh Date", (r) => r.input.window.refreshDate],
    // The site collection's GUID, the middle part of Graph's site id: what to join on when URLs are hidden.
    ["Site Id", (r) => r.item.id.split(",")[1] ?? r.item.id],
    ["Site URL", (r) => (r.input.concealing ? "" : r.item.webUrl)],
    ["Owner Display Name", (r) => r.input.shown(owner(r)?.displayName ?? "")],
    ["Is Deleted", () => "False"],
    ["Last Activity Date", (r) => r.item.lastActivityDate ?? ""],
    ["File Count", (r) => n(r.item.fileCount)],
    ["Active File Count", (r) => n(r.item.activeFileCount)],
    ["Page View Count", (r) => n(r.item.pageViewCount)],
    ["Visited Page Count", (r) => n(r.item.visitedPageCount)],
    ["Storage Used (Byte)", (r) => n(r.item.drive.quota.used)],
    ["Storage Allocated (Byte)", (r) => n(r.item.drive.quota.total)],
    ["Root Web Template", () => "Team Site"],
    ["Owner Principal Name", (r) => r.input.shown(owner(r)?.userPrincipalName ?? "")],
    ["Report Period", (r) => n(r.input.window.periodDays)],
  ],
);

/** OneDrive accounts and SharePoint sites: storage, files and page views, by function name. */
export const storageReports: Record<string, ReportDefinition> = {
  getOneDriveUsageAccountDetail: oneDriveUsage,
  getSharePointSiteUsageDetail: sharePointSiteUsage,
};
