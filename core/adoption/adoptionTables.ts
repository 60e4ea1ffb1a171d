import type { ColumnType, Generated } from "kysely";

/** A day (YYYY-MM-DD) in a `date` column: written as text; read it with to_char(…, 'YYYY-MM-DD'). */
type Day = ColumnType<string, string, string>;
type Count = ColumnType<number, number | undefined, number>;
/** bigint sums come back from the drivers as strings. */
type BigCount = ColumnType<string, number | string, number | string>;

/** Bits of `teams_platforms` and `apps_platforms`. */
export const platformBits = { desktop: 1, web: 2, mobile: 4 } as const;

/**
 * One person's use on one day, merged from the day's usage reports. `person`
 * is the directory user id when the row joined to a synced user, otherwise
 * the report's own name for them prefixed `report:` (a concealed name stays
 * concealed). Directorate and service are the directory's on the day joined.
 */
export type AdoptionPersonDayTable = {
  day: Day;
  person: string;
  user_id: string | null;
  directorate: string | null;
  service: string | null;
  /** Bit per report that contributed (see core/adoption/adoptionReports.ts). */
  reports: Count;
  teams_active: ColumnType<boolean, boolean | undefined, boolean>;
  team_chat: Count;
  private_chat: Count;
  /** Channel posts and replies. */
  posts: Count;
  calls: Count;
  meetings_organised: Count;
  meetings_attended: Count;
  teams_platforms: Count;
  apps_platforms: Count;
  apps_activated: ColumnType<boolean, boolean | undefined, boolean>;
  emails_sent: Count;
  email_active: ColumnType<boolean, boolean | undefined, boolean>;
  onedrive_active: ColumnType<boolean, boolean | undefined, boolean>;
  sharepoint_active: ColumnType<boolean, boolean | undefined, boolean>;
};

export type AdoptionPeriodKind = "day" | "week" | "month";
export type AdoptionLevel = "council" | "directorate" | "service";

/**
 * A group's figures for one day, week (Monday to Sunday) or calendar month,
 * before any privacy rule: counts of distinct people and sums of activity.
 * `directorate` and `service` are "" where the level does not have them.
 */
export type AdoptionGroupPeriodTable = {
  period: AdoptionPeriodKind;
  start: Day;
  level: AdoptionLevel;
  directorate: string;
  service: string;
  concealed: boolean;
  days_covered: number;
  staff: number;
  reported: number;
  teams_active: number;
  chatting: number;
  meeting: number;
  calling: number;
  team_chat: BigCount;
  private_chat: BigCount;
  posts: BigCount;
  calls: BigCount;
  meetings_organised: BigCount;
  meetings_attended: BigCount;
  teams_desktop: number;
  teams_web: number;
  teams_mobile: number;
  multi_platform: number;
  emails_sent: BigCount;
  email_active: number;
  onedrive_active: number;
  sharepoint_active: number;
  content_active: number;
  apps_activated: number;
  computed_at: ColumnType<Date, Date | undefined, Date>;
};

/** The figure columns of `adoption_group_period`: staff, counts of people and sums of activity. */
export const groupFigureColumns = [
  "staff",
  "reported",
  "teams_active",
  "chatting",
  "meeting",
  "calling",
  "team_chat",
  "private_chat",
  "posts",
  "calls",
  "meetings_organised",
  "meetings_attended",
  "teams_desktop",
  "teams_web",
  "teams_mobile",
  "multi_platform",
  "emails_sent",
  "email_active",
  "onedrive_active",
  "sharepoint_active",
  "content_active",
  "apps_activated",
] as const satisfies readonly (keyof AdoptionGroupPeriodTable)[];

export type AdoptionTargetTable = {
  id: Generated<number>;
  directorate: string;
  measure: string;
  target_percent: number;
  due: Day;
  set_by: string;
  set_at: ColumnType<Date, Date | undefined, Date>;
};

export type AdoptionChampionTable = {
  directorate: string;
  user_id: string;
  added_by: string;
  added_at: ColumnType<Date, Date | undefined, Date>;
};

export type AdoptionTipCampaignTable = {
  id: Generated<number>;
  tip: string;
  audience: ColumnType<unknown, string, string>;
  created_by: string;
  created_at: ColumnType<Date, Date | undefined, Date>;
  outbox_message_id: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  recipients: Count;
  skipped_recent: Count;
  skipped_opted_out: Count;
  before_active: number | null;
  after_active: number | null;
  after_measured_at: Date | null;
};

export type AdoptionTipRecipientTable = { campaign_id: number; user_id: string; sent_on: Day };

export type AdoptionTipOptOutTable = { user_id: string; opted_out_at: ColumnType<Date, Date | undefined, Date> };
