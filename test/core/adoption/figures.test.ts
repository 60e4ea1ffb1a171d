import { describe, expect, it } from "vitest";
import { adoptionMeasures } from "../../../core/adoption/adoptionApi";
import {
  daysInPeriod,
  type FigureColumns,
  figuresOf,
  measureNames,
  measureOf,
  periodEnd,
  scoreExplanations,
} from "../../../core/adoption/figures";
import { t } from "../../../core/messages/catalogue";

/** A directorate of 200 for one week; override any column. */
const aRow = (overrides: Partial<FigureColumns> = {}): FigureColumns => ({
  start: "2027-03-01",
  concealed: false,
  days_covered: 7,
  staff: 200,
  reported: 196,
  teams_active: 150,
  chatting: 130,
  meeting: 120,
  calling: 60,
  team_chat: "600",
  private_chat: "1400",
  posts: "90",
  calls: "210",
  meetings_organised: "100",
  meetings_attended: "500",
  teams_desktop: 140,
  teams_web: 30,
  teams_mobile: 51,
  multi_platform: 75,
  emails_sent: "3000",
  email_active: 190,
  onedrive_active: 110,
  sharepoint_active: 95,
  content_active: 125,
  apps_activated: 170,
  ...overrides,
});

describe("a group's figures", () => {
  it("gives each share as a percentage of staff to one decimal", () => {
    const figures = figuresOf(aRow(), "week");
    expect(figures.shares).toEqual({
      teamsActive: 75,
      chatting: 65,
      meeting: 60,
      calling: 30,
      teamsDesktop: 70,
      teamsWeb: 15,
      teamsMobile: 25.5,
      oneDrive: 55,
      sharePoint: 47.5,
      appsActivated: 85,
    });
    expect(figures).toMatchObject({ staff: 200, daysCovered: 7, daysInPeriod: 7 });
  });

  it("gives activity per member of staff over the period, and the shift from email to Teams", () => {
    const figures = figuresOf(aRow(), "week");
    expect(figures.perPerson).toEqual({
      teamChatMessages: 3,
      privateChatMessages: 7,
      channelPosts: 0.5,
      calls: 1.1,
      meetingsOrganised: 0.5,
      meetingsAttended: 2.5,
      emailsSent: 15,
      teamsMessages: 10,
    });
    // 600 of 2,000 chat messages were in teams; 2,000 Teams messages beside 3,000 emails.
    expect(figures.teamChatShare).toBe(30);
    expect(figures.teamsShareOfMessages).toBe(40);
  });

  it("scores communication, meetings, content collaboration and mobility as shares of staff, and overall as their mean", () => {
    expect(figuresOf(aRow(), "week").scores).toEqual({
      communication: 65,
      meetings: 60,
      contentCollaboration: 62.5,
      mobility: 37.5,
      overall: 56.3,
    });
  });

  it("gives zeros, not errors, for a group with no staff or no messages", () => {
    const figures = figuresOf(
      aRow({ staff: 0, teams_active: 0, team_chat: "0", private_chat: "0", emails_sent: "0" }),
      "week",
    );
    expect(figures.shares.teamsActive).toBe(0);
    expect(figures.perPerson.emailsSent).toBe(0);
    expect(figures.teamChatShare).toBe(0);
    expect(figures.teamsShareOfMessages).toBe(0);
  });

  it("knows a month's length and says how much of it has data", () => {
    expect(daysInPeriod("month", "2028-02-01")).toBe(29);
    expect(daysInPeriod("month", "2027-02-01")).toBe(28);
    expect(periodEnd("month", "2027-12-01")).toBe("2027-12-31");
    expect(periodEnd("week", "2027-12-27")).toBe("2028-01-02");
    const figures = figuresOf(aRow({ start: "2027-04-01", days_covered: 12 }), "month");
    expect(figures).toMatchObject({ daysCovered: 12, daysInPeriod: 30 });
  });

  it("reads any measure, share or score, and names each one in the catalogue", () => {
    const figures = figuresOf(aRow(), "week");
    expect(measureOf(figures, "teamsMobile")).toBe(25.5);
    expect(measureOf(figures, "mobility")).toBe(37.5);
    for (const measure of adoptionMeasures) expect(t(measureNames[measure])).not.toMatch(/^adoption\./);
    for (const key of Object.values(scoreExplanations)) expect(t(key)).toMatch(/\.$/);
  });
});
