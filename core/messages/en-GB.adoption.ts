/** The adoption figures' strings of the en-GB catalogue: measures, scores, privacy and CSV headings. */
export const adoptionEnGB = {
  "adoption.measure.teamsActive": "Active in Teams",
  "adoption.measure.chatting": "Sent Teams messages",
  "adoption.measure.meeting": "In Teams meetings",
  "adoption.measure.calling": "Made Teams calls",
  "adoption.measure.teamsDesktop": "Teams on desktop",
  "adoption.measure.teamsWeb": "Teams on the web",
  "adoption.measure.teamsMobile": "Teams on mobile",
  "adoption.measure.oneDrive": "Active in OneDrive",
  "adoption.measure.sharePoint": "Active in SharePoint",
  "adoption.measure.appsActivated": "Microsoft 365 apps activated",

  "adoption.score.communication": "Communication score",
  "adoption.score.meetings": "Meetings score",
  "adoption.score.contentCollaboration": "Content collaboration score",
  "adoption.score.mobility": "Mobility score",
  "adoption.score.overall": "Overall score",
  "adoption.score.communication.explained":
    "The percentage of staff who sent at least one Teams chat or channel message in the period.",
  "adoption.score.meetings.explained":
    "The percentage of staff who organised or attended at least one Teams meeting in the period.",
  "adoption.score.contentCollaboration.explained":
    "The percentage of staff who were active in OneDrive or SharePoint in the period.",
  "adoption.score.mobility.explained":
    "The percentage of staff who used Teams or Microsoft 365 apps on two or more of desktop, web and mobile in the period.",
  "adoption.score.overall.explained":
    "The average of the communication, meetings, content collaboration and mobility scores.",

  "adoption.perPerson.teamChatMessages": "Team chat messages per person",
  "adoption.perPerson.privateChatMessages": "Private chat messages per person",
  "adoption.perPerson.channelPosts": "Channel posts and replies per person",
  "adoption.perPerson.calls": "Teams calls per person",
  "adoption.perPerson.meetingsOrganised": "Meetings organised per person",
  "adoption.perPerson.meetingsAttended": "Meetings attended per person",
  "adoption.perPerson.emailsSent": "Emails sent per person",
  "adoption.perPerson.teamsMessages": "Teams messages per person",
  "adoption.teamChatShare": "Chat messages sent in teams rather than one-to-one (%)",
  "adoption.teamsShareOfMessages": "Messages sent in Teams rather than by email (%)",

  "adoption.wholeCouncil": "Whole council",
  "adoption.level.council": "Council",
  "adoption.level.directorate": "Directorate",
  "adoption.level.service": "Service",
  "adoption.withheld": "Withheld: too few staff to show without identifying people",
  "adoption.concealment.advice":
    "Microsoft 365 is hiding user names in its usage reports, so only whole-council figures can be shown. A Global Administrator can change this in the Microsoft 365 admin centre: Settings > Org settings > Services > Reports, then turn off “Display concealed user, group, and site names in all reports”. The change is recorded in the audit log.",

  "adoption.csv.level": "Level",
  "adoption.csv.directorate": "Directorate",
  "adoption.csv.service": "Service",
  "adoption.csv.group": "Group",
  "adoption.csv.periodStart": "Period start",
  "adoption.csv.periodEnd": "Period end",
  "adoption.csv.staff": "Staff",
  "adoption.csv.daysCovered": "Days with data",
  "adoption.csv.daysInPeriod": "Days in period",
  "adoption.csv.percent": "{measure} (%)",
  "adoption.csv.note": "Note",

  "adoption.target.error.directorate": "Choose a directorate that is in the directory.",
  "adoption.target.error.measure": "Choose one of the adoption measures.",
  "adoption.target.error.percent": "A target is a percentage from 1 to 100.",
  "adoption.target.error.due": "The due date must be a date, such as 2027-03-31.",
  "adoption.target.error.duePast": "The due date cannot be in the past.",
  "adoption.target.error.notFound": "That target no longer exists.",
  "adoption.champion.error.directorate": "Choose a directorate that is in the directory.",
  "adoption.champion.error.user": "That person is not in the directory.",
  "adoption.champion.error.notFound": "That person is not a champion for the directorate.",
} as const;
