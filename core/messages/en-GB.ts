/**
 * Every user-facing string, in British English. Placeholders are {name}.
 * Welsh (cy) follows as a second file with the same keys.
 */
export const enGB = {
  "app.name": "ICT Hub",
  "app.shortDescription": "ICT help, devices and the modernisation programme, in Teams.",
  "app.fullDescription":
    "Ask ICT questions and get answers at any hour, raise and follow tickets, request a device and have your manager approve it, and answer short surveys about ICT. ICT staff track device refresh, the move to SharePoint, Teams adoption, self-help use and staff satisfaction.",
  "tab.myIct": "My ICT",
  "tab.dashboard": "ICT Hub",

  "welcome.title": "Welcome to ICT Hub, {firstName}",
  "welcome.titleNoName": "Welcome to ICT Hub",
  "welcome.intro":
    "I'm the ICT assistant for {councilName}. This is where ICT will reach you about your devices, your requests and short surveys on how ICT is doing.",
  "welcome.channelIntro":
    "ICT Hub has been added here. ICT will post updates about the modernisation programme in this channel.",
  "welcome.openMyIct": "Open My ICT",

  "bot.reply.notYetAnswering":
    "Thanks, I've got your message. I can't answer ICT questions in chat yet; until I can, please contact the service desk in the usual way.",
  "card.actionUnavailable":
    "That button no longer does anything: the card may be from an older version of ICT Hub. Ask me again and I'll send a new one.",
  "bot.error.generic":
    "Sorry, something went wrong on our side and I couldn't finish that. Please try again in a minute.",

  "tabs.loading": "Loading ICT Hub…",
  "tabs.myIct.heading": "My ICT",
  "tabs.myIct.empty": "Your devices, requests and tickets will appear here. This view is not available yet.",
  "tabs.dashboard.heading": "ICT Hub",
  "tabs.dashboard.empty":
    "Device refresh, SharePoint migration, adoption, self-help and satisfaction dashboards will appear here. This view is not available yet.",
  "tabs.config.heading": "Add ICT Hub to this channel",
  "tabs.config.body": "The ICT Hub dashboard will be pinned as a tab in this channel. Select Save to add it.",
  "tabs.notInTeams": "Opened outside Teams: showing the development view.",
} as const;

export type MessageKey = keyof typeof enGB;
