/** The pulses part of the tab API, as contracts/pulses-http.md defines it. Dates are ISO strings on the wire. */

export type PulseAudience =
  | { kind: "all" }
  | { kind: "directorates"; directorates: string[] }
  | { kind: "sample"; size: number }
  | { kind: "resolvedTickets"; from: string; to: string };

export type PulseSchedule =
  | { kind: "once"; startsAt: string }
  | { kind: "monthly" | "quarterly"; startsAt: string; until?: string };

/** What ICT fill in to make a pulse; the preview and the create route both take it. */
export type PulseDraft = {
  title: string;
  ratingQuestion: string;
  askRecommend: boolean;
  askComment: boolean;
  audience: PulseAudience;
  schedule: PulseSchedule;
  openDays: number;
  anonymous: boolean;
  threshold: number;
  remindAfterDays: number | null;
};

export type PulseStatus = "scheduled" | "open" | "closed" | "cancelled";

export type PulseSummary = {
  id: number;
  title: string;
  anonymous: boolean;
  threshold: number;
  audience: PulseAudience;
  audienceLabel: string;
  schedule: PulseSchedule;
  scheduleLabel: string;
  status: PulseStatus;
  nextRunAt: string | null;
  lastRun: null | {
    id: number;
    sentAt: string;
    closesAt: string;
    invited: number;
    responded: number;
    responseRate: number;
  };
  createdBy: string;
  createdAt: string;
};

export type DirectorateResult = {
  directorate: string;
  responded: number | null;
  mean: number | null;
  satisfiedShare: number | null;
  suppressed: boolean;
};

export type RunResults = {
  id: number;
  sentAt: string;
  closesAt: string;
  open: boolean;
  invited: number;
  responded: number;
  /** 0..1 */
  responseRate: number;
  /** False when fewer than the threshold answered: the figures below are then null or empty. */
  shown: boolean;
  /** Counts for ratings 1..5. */
  distribution: number[] | null;
  mean: number | null;
  satisfiedShare: number | null;
  recommend: null | { responses: number; netPromoterScore: number };
  byDirectorate: DirectorateResult[];
  comments: { shown: boolean; items: string[] };
};

export type TrendPoint = {
  runId: number;
  sentAt: string;
  mean: number | null;
  satisfiedShare: number | null;
  responseRate: number;
};

export type YouSaidWeDid = {
  id: number;
  youSaid: string;
  weDid: string;
  publishedAt: string;
  publishedBy: string;
  recipients: number;
};

export type AfterTicketScores = {
  responses: number;
  mean: number | null;
  distribution: number[] | null;
  periodDays: number;
};

export type PulseDetail = {
  pulse: PulseSummary;
  draft: PulseDraft;
  /** Newest first. */
  runs: RunResults[];
  /** Oldest first. */
  trend: TrendPoint[];
  afterTicket: AfterTicketScores;
  actions: YouSaidWeDid[];
};

/** An Adaptive Card as JSON, as the server renders it for staff. */
export type AdaptiveCardJson = Record<string, unknown>;

export type PulsePreview = { card: AdaptiveCardJson; audienceSize: number };

/** contracts/outbox-api.md */
export type DeliveryState = "pending" | "sending" | "sent" | "failed" | "unreachable" | "cancelled";
export type DeliveryReport = {
  total: number;
  byState: Record<DeliveryState, number>;
  problems: {
    aadObjectId: string | null;
    name: string | null;
    userPrincipalName: string | null;
    directorate: string | null;
    state: "failed" | "unreachable";
    reason: string;
  }[];
};
export type PulseDelivery = { runs: { runId: number; report: DeliveryReport }[] };
