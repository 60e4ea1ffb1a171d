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

  "card.actionUnavailable":
    "That button no longer does anything: the card may be from an older version of ICT Hub. Ask me again and I'll send a new one.",
  "selfhelp.answer.readMore": "Read the full article",
  "selfhelp.answer.helped": "That helped",
  "selfhelp.answer.notQuite": "Not quite",
  "selfhelp.talk": "Talk to someone",
  "selfhelp.choices.intro": "I found a few articles that might help. Which is closest?",
  "selfhelp.none.text":
    "Sorry, I couldn't find an answer to that. If it's an ICT problem, I can pass it to the ICT Service Desk.",
  "selfhelp.helped.thanks": "Glad that helped. Ask me anything else whenever you need to.",
  "selfhelp.notQuite.text": "Sorry that didn't help. Would you like someone from the ICT Service Desk to pick it up?",
  "ticket.raised.title": "Ticket {reference} raised",
  "ticket.raised.text":
    'The ICT Service Desk has your question and the conversation so far. They\'ll reply here, and you can ask me "my tickets" at any time.',
  "ticket.list.title": "Your tickets",
  "ticket.list.empty": "You have no tickets. If you need help, ask me or choose Talk to someone.",
  "ticket.status.open": "Waiting for the service desk",
  "ticket.status.assigned": "Being worked on by {name}",
  "ticket.status.resolved": "Resolved",
  "ticket.desk.title": "{reference}: {subject}",
  "ticket.desk.requester": "Raised by",
  "ticket.desk.raised": "Raised",
  "ticket.desk.status": "Status",
  "ticket.desk.conversation": "Conversation so far",
  "ticket.desk.notes": "Notes",
  "ticket.desk.assignToMe": "Assign to me",
  "ticket.desk.addNote": "Add note",
  "ticket.desk.notePlaceholder": "A note for the requester and the desk",
  "ticket.desk.resolve": "Resolve",
  "ticket.desk.resolutionPlaceholder": "What fixed it (sent to the requester)",
  "ticket.notify.assigned": "{reference}: {name} from the ICT Service Desk is looking at your ticket.",
  "ticket.notify.note": "{reference}: {name} added a note: {note}",
  "ticket.notify.resolved": "{reference} is resolved.",
  "ticket.notify.resolvedWith": "{reference} is resolved: {resolution}",
  "ticket.rate.question": "How happy are you with how {reference} was handled?",
  "ticket.rate.scale": "1 is very unhappy, 5 is very happy.",
  "ticket.rate.thanks": "Thank you: you gave {reference} {score} out of 5. ICT reads every rating.",
  "card.notYours": "Only {who} can use this card.",
  "card.alreadyDone": "This has already been done: {detail}",
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
