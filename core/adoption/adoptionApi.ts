/**
 * The adoption API's JSON, shared by the routes (server/tabApi/adoptionRoutes.ts)
 * and the tab: dates are YYYY-MM-DD strings, shares are percentages 0–100 with
 * one decimal, and a group too small to show has `figures: null`.
 */

export type PeriodKind = "week" | "month";

/** The measures a target or a trend can be about: each a percentage of staff. */
export const adoptionMeasures = [
  "teamsActive",
  "chatting",
  "meeting",
  "calling",
  "teamsDesktop",
  "teamsWeb",
  "teamsMobile",
  "oneDrive",
  "sharePoint",
  "appsActivated",
  "communication",
  "meetings",
  "contentCollaboration",
  "mobility",
  "overall",
] as const;
export type AdoptionMeasure = (typeof adoptionMeasures)[number];

/** Scores out of 100 in the spirit of Microsoft's Adoption Score: how each is worked out is in the view. */
export type AdoptionScores = {
  communication: number;
  meetings: number;
  contentCollaboration: number;
  mobility: number;
  overall: number;
};

export type AdoptionFigures = {
  staff: number;
  /** Days of the period with data (a week has 7, a month its length); fewer while it is under way. */
  daysCovered: number;
  daysInPeriod: number;
  /** Percentages of staff. */
  shares: Record<Exclude<AdoptionMeasure, keyof AdoptionScores>, number>;
  /** Per member of staff over the period. */
  perPerson: {
    teamChatMessages: number;
    privateChatMessages: number;
    channelPosts: number;
    calls: number;
    meetingsOrganised: number;
    meetingsAttended: number;
    emailsSent: number;
    /** Teams chat and channel messages together, beside emails sent: the shift from email to Teams. */
    teamsMessages: number;
  };
  /** Of all chat messages, the share sent in teams' channels and group chats rather than one-to-one. */
  teamChatShare: number;
  /** Of emails sent plus Teams messages, the share that were Teams messages. */
  teamsShareOfMessages: number;
  scores: AdoptionScores;
};

export type Champion = { userId: string; displayName: string; jobTitle: string | null };

/** Someone found in the directory by name, to pick as a champion: who they are, never how they use anything. */
export type PersonFound = { userId: string; displayName: string; jobTitle: string | null; directorate: string | null };

export type TargetProgress = {
  id: number;
  directorate: string;
  measure: AdoptionMeasure;
  targetPercent: number;
  due: string;
  /** The latest complete month's value (null when the directorate is hidden or has no data). */
  current: number | null;
  /** Points still to go (0 when met); null when current is null. */
  gap: number | null;
  /** Where the last 12 weeks' trend reaches by the due date; null without enough weeks. */
  projected: number | null;
  status: "met" | "on-track" | "behind" | "unknown";
  setBy: string;
  setAt: string;
};

export type ServiceRow = { service: string; figures: AdoptionFigures | null; suppressed: boolean };

export type DirectorateRow = {
  directorate: string;
  figures: AdoptionFigures | null;
  suppressed: boolean;
  services: ServiceRow[];
  champions: Champion[];
  targets: TargetProgress[];
};

/** Why per-directorate figures are missing, when they are. */
export type Concealment = {
  concealed: boolean;
  /** The admin setting to change, as the catalogue words it; null when not concealed. */
  advice: string | null;
};

export type AdoptionOverview = {
  period: PeriodKind;
  start: string;
  end: string;
  /** Periods with data, newest first, for choosing another. */
  periods: { start: string; end: string; daysCovered: number }[];
  threshold: number;
  concealment: Concealment;
  council: AdoptionFigures | null;
  directorates: DirectorateRow[];
  /** The newest day any report has data for; null before the first sync. */
  latestDay: string | null;
  /** When that day's figures were worked out from the reports (ISO); null before the first sync. */
  computedAt: string | null;
};

export type TrendPoint = { start: string; end: string; daysCovered: number; value: number | null };

export type AdoptionTrend = {
  period: PeriodKind;
  measure: AdoptionMeasure;
  /** null: the whole council. */
  directorate: string | null;
  points: TrendPoint[];
};

export type BehindRow = TargetProgress;

export type TipId = string;

export type TipSummary = { id: TipId; title: string; summary: string };

export type TipAudience =
  | { kind: "directorate"; directorate: string }
  | { kind: "inactive"; directorate: string | null; days: 28 };

export type TipCampaign = {
  id: number;
  tip: TipId;
  title: string;
  audience: TipAudience;
  createdBy: string;
  createdAt: string;
  recipients: number;
  skippedRecent: number;
  skippedOptedOut: number;
  /** Teams-active share of the recipients in the 28 days before it was sent, and after (null until 28 days have landed, or when too few to show). */
  effect: { before: number | null; after: number | null; afterMeasuredAt: string | null; shown: boolean };
  delivery: { sent: number; failed: number; pending: number };
};

/** GET /ict/adoption/tips: what can be sent, what has been, and the fewest days between two tips to one person. */
export type TipsOverview = { tips: TipSummary[]; campaigns: TipCampaign[]; tipGapDays: number };
