import type { Selectable } from "kysely";
import type { MessageKey } from "../messages/catalogue";
import type { AdoptionFigures, AdoptionMeasure, AdoptionScores, PeriodKind } from "./adoptionApi";
import type { AdoptionGroupPeriodTable } from "./adoptionTables";
import { addDays } from "./calendar";

export type GroupPeriodRow = Selectable<AdoptionGroupPeriodTable>;

/** The columns figures are made from; start is read as YYYY-MM-DD text. */
export type FigureColumns = Omit<GroupPeriodRow, "computed_at" | "period" | "level" | "directorate" | "service">;

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** `part` as a percentage of `whole`, one decimal; 0 when the whole is 0. */
export const percentOf = (part: number, whole: number) => (whole > 0 ? oneDecimal((part / whole) * 100) : 0);

const perHead = (sum: number | string, staff: number) => (staff > 0 ? oneDecimal(Number(sum) / staff) : 0);

/** How many days a week or a calendar month starting on `start` has. */
export function daysInPeriod(period: PeriodKind, start: string): number {
  if (period === "week") return 7;
  const date = new Date(`${start}T00:00:00Z`);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
}

/** The last day of the period starting on `start`. */
export const periodEnd = (period: PeriodKind, start: string) => addDays(start, daysInPeriod(period, start) - 1);

/** A group's figures for one period: shares of staff, per-person rates and the four scores. */
export function figuresOf(row: FigureColumns, period: PeriodKind): AdoptionFigures {
  const staff = row.staff;
  const share = (count: number) => percentOf(count, staff);
  const teamChat = Number(row.team_chat);
  const privateChat = Number(row.private_chat);
  // Posts and replies break channel messages down further: shown apart, not added, so none is counted twice.
  const teamsMessages = teamChat + privateChat;
  const emailsSent = Number(row.emails_sent);
  const scores = {
    communication: share(row.chatting),
    meetings: share(row.meeting),
    contentCollaboration: share(row.content_active),
    mobility: share(row.multi_platform),
  };
  return {
    staff,
    daysCovered: row.days_covered,
    daysInPeriod: daysInPeriod(period, row.start),
    shares: {
      teamsActive: share(row.teams_active),
      chatting: share(row.chatting),
      meeting: share(row.meeting),
      calling: share(row.calling),
      teamsDesktop: share(row.teams_desktop),
      teamsWeb: share(row.teams_web),
      teamsMobile: share(row.teams_mobile),
      oneDrive: share(row.onedrive_active),
      sharePoint: share(row.sharepoint_active),
      appsActivated: share(row.apps_activated),
    },
    perPerson: {
      teamChatMessages: perHead(teamChat, staff),
      privateChatMessages: perHead(privateChat, staff),
      channelPosts: perHead(row.posts, staff),
      calls: perHead(row.calls, staff),
      meetingsOrganised: perHead(row.meetings_organised, staff),
      meetingsAttended: perHead(row.meetings_attended, staff),
      emailsSent: perHead(emailsSent, staff),
      teamsMessages: perHead(teamsMessages, staff),
    },
    teamChatShare: percentOf(teamChat, teamsMessages),
    teamsShareOfMessages: percentOf(teamsMessages, teamsMessages + emailsSent),
    scores: { ...scores, overall: oneDecimal(Object.values(scores).reduce((a, b) => a + b, 0) / 4) },
  };
}

/** The columns each measure is worked out from (beside staff). */
export const measureColumns: Record<AdoptionMeasure, readonly (keyof FigureColumns)[]> = {
  teamsActive: ["teams_active"],
  chatting: ["chatting"],
  meeting: ["meeting"],
  calling: ["calling"],
  teamsDesktop: ["teams_desktop"],
  teamsWeb: ["teams_web"],
  teamsMobile: ["teams_mobile"],
  oneDrive: ["onedrive_active"],
  sharePoint: ["sharepoint_active"],
  appsActivated: ["apps_activated"],
  communication: ["chatting"],
  meetings: ["meeting"],
  contentCollaboration: ["content_active"],
  mobility: ["multi_platform"],
  overall: ["chatting", "meeting", "content_active", "multi_platform"],
};

const scoreNames = new Set<string>(["communication", "meetings", "contentCollaboration", "mobility", "overall"]);
const isScore = (measure: AdoptionMeasure): measure is keyof AdoptionScores => scoreNames.has(measure);

/** One measure's value from a group's figures: a share or a score, a percentage either way. */
export const measureOf = (figures: AdoptionFigures, measure: AdoptionMeasure): number =>
  isScore(measure) ? figures.scores[measure] : figures.shares[measure];

/** Each measure's name in the catalogue. */
export const measureNames: Record<AdoptionMeasure, MessageKey> = {
  teamsActive: "adoption.measure.teamsActive",
  chatting: "adoption.measure.chatting",
  meeting: "adoption.measure.meeting",
  calling: "adoption.measure.calling",
  teamsDesktop: "adoption.measure.teamsDesktop",
  teamsWeb: "adoption.measure.teamsWeb",
  teamsMobile: "adoption.measure.teamsMobile",
  oneDrive: "adoption.measure.oneDrive",
  sharePoint: "adoption.measure.sharePoint",
  appsActivated: "adoption.measure.appsActivated",
  communication: "adoption.score.communication",
  meetings: "adoption.score.meetings",
  contentCollaboration: "adoption.score.contentCollaboration",
  mobility: "adoption.score.mobility",
  overall: "adoption.score.overall",
};

/** How each score is worked out, in the catalogue's words, for the view to explain it. */
export const scoreExplanations: Record<keyof AdoptionScores, MessageKey> = {
  communication: "adoption.score.communication.explained",
  meetings: "adoption.score.meetings.explained",
  contentCollaboration: "adoption.score.contentCollaboration.explained",
  mobility: "adoption.score.mobility.explained",
  overall: "adoption.score.overall.explained",
};

/** Each per-person figure's name in the catalogue, in the order they are listed. */
export const perPersonNames: Record<keyof AdoptionFigures["perPerson"], MessageKey> = {
  teamChatMessages: "adoption.perPerson.teamChatMessages",
  privateChatMessages: "adoption.perPerson.privateChatMessages",
  channelPosts: "adoption.perPerson.channelPosts",
  calls: "adoption.perPerson.calls",
  meetingsOrganised: "adoption.perPerson.meetingsOrganised",
  meetingsAttended: "adoption.perPerson.meetingsAttended",
  emailsSent: "adoption.perPerson.emailsSent",
  teamsMessages: "adoption.perPerson.teamsMessages",
};
