/** The tab API's answers, as docs/tab-api.md defines them. Dates are ISO strings on the wire. */

export type Role = "staff" | "manager" | "ict";

export type Me = { id: string; name: string; roles: Role[] };

export type MyDevice = {
  id: string;
  name: string;
  model: string | null;
  operatingSystem: string | null;
  osVersion: string | null;
  lastSyncAt: string | null;
  state: string;
  stateLabel: string;
  reason: string;
};
export type MyDevices = { syncedAt: string | null; devices: MyDevice[] };

export type MyRequest = {
  id: number;
  reference: string;
  kind: string;
  kindLabel: string;
  status: string;
  statusLabel: string;
  createdAt: string;
  approver: string | null;
};

export type MyTicket = {
  id: number;
  reference: string;
  subject: string;
  status: string;
  statusLabel: string;
  createdAt: string;
};

export type SearchResults = {
  answered: boolean;
  confidence: string;
  results: { id: string; title: string; summary: string; url: string }[];
};

export type Approval = {
  id: number;
  reference: string;
  requesterName: string;
  kindLabel: string;
  reason: string;
  urgencyLabel: string;
  eligibilityLabel: string;
  justification: string | null;
  devices: { name: string; model: string | null; reason: string }[];
  createdAt: string;
};

export type RequestChange = { request: { id: number; reference: string; status: string; statusLabel: string } };

export type BreakdownRow = { key: string | null; total: number; states: Record<string, number> };
export type RefreshSummary = {
  syncedAt: string | null;
  total: number;
  states: Record<string, number>;
  byDirectorate: BreakdownRow[];
  byOperatingSystem: BreakdownRow[];
  byModel: BreakdownRow[];
  byAgeBand: BreakdownRow[];
  byCompliance: BreakdownRow[];
};

export type DueDevice = {
  id: string;
  name: string;
  owner: string | null;
  userPrincipalName: string | null;
  directorate: string | null;
  model: string | null;
  operatingSystem: string | null;
  state: string;
  stateLabel: string;
  reason: string;
  estimatedAgeYears: number | null;
};
export type DuePage = { total: number; page: number; pageSize: number; devices: DueDevice[] };

export type Wave = {
  id: number;
  name: string;
  directorates: string[];
  startsOn: string;
  endsOn: string;
  targetDevices: number;
  status: "planned" | "running" | "finished";
  replaced: number;
  upgraded: number;
  done: number;
  remaining: number;
  burndown: { date: string; remaining: number | null; ideal: number }[];
};

export type IctRequest = {
  id: number;
  reference: string;
  requesterName: string;
  kindLabel: string;
  status: string;
  statusLabel: string;
  approver: string | null;
  createdAt: string;
  nextStep: string | null;
  nextStepLabel: string | null;
};
export type RequestStage = "pending" | "approved" | "fulfilment";

export type SelfHelpStats = {
  syncedAt: string | null;
  deflectionByWeek: { week: string; questions: number; deflected: number; deflectionRate: number }[];
  topTopics: { articleId: string; title: string | null; questions: number }[];
  unanswered: { id: number; askedAt: string; question: string }[];
  tickets: {
    raised: number;
    open: number;
    resolved: number;
    medianSecondsToResolve: number | null;
    meanSatisfaction: number | null;
    ratings: number;
  };
};
