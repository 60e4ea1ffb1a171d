import type { ColumnType } from "kysely";

/** The per-user usage reports the app keeps a daily copy of. */
export const usageReports = [
  "getTeamsUserActivityUserDetail",
  "getOffice365ActiveUserDetail",
  "getM365AppUserDetail",
  "getEmailActivityUserDetail",
  "getTeamsDeviceUsageUserDetail",
  "getOneDriveUsageAccountDetail",
  "getSharePointSiteUsageDetail",
] as const;

export type UsageReportName = (typeof usageReports)[number];

/**
 * The reports whose rows are kept as sent, for migration verification to read
 * (core/migration/verification.ts). The others are only ever read as adoption's
 * person days, so only their day's header is kept: it is what says the day is stored.
 */
export const reportsKeptRaw: readonly UsageReportName[] = [
  "getOneDriveUsageAccountDetail",
  "getSharePointSiteUsageDetail",
];

/** One report for one day, as read from Graph: its rows keyed by their CSV headers. */
export type UsageReportDay = {
  report: UsageReportName;
  /** YYYY-MM-DD: the day the figures are for. */
  date: string;
  /** YYYY-MM-DD: "Report Refresh Date" from the CSV, when there were rows. */
  refreshDate: string | null;
  /** True when user names arrived hashed (Microsoft 365's concealed names setting). */
  concealedNames: boolean;
  rows: Record<string, string>[];
};

export type UsageReportSnapshotTable = {
  report: string;
  report_date: ColumnType<string, string, string>;
  refresh_date: ColumnType<string | null, string | null, string | null>;
  row_count: number;
  concealed_names: boolean;
  fetched_at: Date;
};

export type UsageReportRowTable = {
  report: string;
  report_date: ColumnType<string, string, string>;
  row_key: string;
  user_id: string | null;
  user_principal_name: string | null;
  data: ColumnType<Record<string, string>, string, string>;
};
