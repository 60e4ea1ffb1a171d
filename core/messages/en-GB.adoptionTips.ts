/** The adoption tips' strings of the en-GB catalogue: the tip cards and their sending. */
export const adoptionTipsEnGB = {
  "adoption.tip.emailToChat.title": "Moving from email to Teams chat",
  "adoption.tip.emailToChat.summary": "Quick questions to colleagues go faster as a Teams chat than as an email.",
  "adoption.tip.emailToChat.body":
    "Next time you'd send a colleague a short email, try a Teams chat instead: select Chat, then New chat, and type their name. They see it straight away, you can see when they've read it, and the whole conversation stays in one place. For your team, post in its channel so that everyone can follow along.",
  "adoption.tip.meetingsOnPhone.title": "Join Teams meetings from your phone",
  "adoption.tip.meetingsOnPhone.summary": "Out and about? Join your meetings from the Teams app on your phone.",
  "adoption.tip.meetingsOnPhone.body":
    "Install Microsoft Teams on your council phone and sign in with your work account. Your meetings are under Calendar: tap Join and you're in, with audio, video and the meeting chat. It's handy on a site visit, between buildings or when your laptop isn't to hand.",
  "adoption.tip.shareLinks.title": "Share a link from OneDrive instead of an attachment",
  "adoption.tip.shareLinks.summary": "Send a link, not a copy, so that everyone works on the same file.",
  "adoption.tip.shareLinks.body":
    "Save the file in OneDrive, then select Share and copy the link into your chat or email. Everyone opens the same file, so there are no versions to merge, you can change who has access later, and nobody's mailbox fills up with attachments.",
  "adoption.tip.teamFiles.title": "Find your team's files in SharePoint",
  "adoption.tip.teamFiles.summary": "Your team's shared files now live in SharePoint, reachable from Teams.",
  "adoption.tip.teamFiles.body":
    "Open your team in Teams and select Files (or Shared at the top of a channel) to see the documents your team shares. They're the same files as on the team's SharePoint site, so you can work on them from any device, and several people can edit at once.",
  "adoption.tip.teamsOnWeb.title": "Use Teams on the web when you're away from your desk",
  "adoption.tip.teamsOnWeb.summary": "On a borrowed or shared computer, use Teams in the browser: nothing to install.",
  "adoption.tip.teamsOnWeb.body":
    "Go to teams.microsoft.com in Edge or Chrome and sign in with your work account. You get your chats, meetings and files without installing anything. Remember to sign out when you finish on a shared computer.",

  "adoption.tip.card.learnMore": "Learn more",
  "adoption.tip.card.from": "A tip from ICT to help you get more from Teams and Microsoft 365.",
  "adoption.tip.card.stop": "Stop sending me tips",
  "adoption.tip.card.resume": "Send me tips again",
  "adoption.tip.stopped.title": "You won't get any more tips",
  "adoption.tip.stopped.text":
    "ICT won't send you tips about Teams and Microsoft 365 any more. If you change your mind, press the button below.",
  "adoption.tip.resumed.title": "You'll get tips again",
  "adoption.tip.resumed.text":
    "ICT may send you the occasional tip about Teams and Microsoft 365 again. You can stop them at any time.",

  "adoption.tip.error.unknownTip": "tip: choose one of the tips in the catalogue ({tips})",
  "adoption.tip.error.directorate": "audience.directorate: name a directorate (1 to 200 characters)",
  "adoption.tip.error.audienceKind":
    'audience.kind: expects "directorate" (a directorate\'s staff) or "inactive" (people not active in Teams in the last 28 days)',
  "adoption.tip.error.inactiveDays": "audience.days: only 28 days is supported",
  "adoption.tip.error.nobody": "Nobody is in that audience: there are no enabled staff it names.",
  "adoption.tip.error.noData":
    "There is no Teams usage data for the last 28 days yet, so inactive people can't be found. Try again after the usage reports have been synced.",
  "adoption.tip.error.concealed":
    "Microsoft 365 conceals user names in its usage reports, so people who are not active in Teams can't be found. An admin can turn off “Display concealed user, group, and site names in all reports” in the Microsoft 365 admin centre (Settings, Org settings, Reports).",
  "adoption.tip.error.campaign": "id: expects a campaign number",

  "tabs.adoption.tips.heading": "Adoption tips",
  "tabs.adoption.tips.intro":
    "Send a short tip card in Teams to a directorate, or to people who haven't used Teams in the last 28 days. Nobody gets more than one tip every {days} days, and anyone can stop them.",
  "tabs.adoption.tips.form.heading": "Send a tip",
  "tabs.adoption.tips.form.tip": "Tip",
  "tabs.adoption.tips.form.tipHint":
    "The card shows the tip's title, its text and, for some, a link to a help article.",
  "tabs.adoption.tips.form.audience": "Send to",
  "tabs.adoption.tips.form.directorate": "Directorate",
  "tabs.adoption.tips.form.allDirectorates": "All directorates",
  "tabs.adoption.tips.form.send": "Send tip",
  "tabs.adoption.tips.form.sending": "Sending…",
  "tabs.adoption.tips.form.sent": "“{title}” is on its way to {recipients} people.",
  "tabs.adoption.tips.form.skipped": "{recent} skipped (sent a tip in the last {days} days), {optedOut} opted out.",
  "tabs.adoption.tips.audience.directorate": "Everyone in a directorate",
  "tabs.adoption.tips.audience.inactive": "People not active in Teams in the last 28 days",
  "tabs.adoption.tips.audience.directorateNamed": "Everyone in {directorate}",
  "tabs.adoption.tips.audience.inactiveAll": "Not active in Teams (28 days)",
  "tabs.adoption.tips.audience.inactiveIn": "Not active in Teams (28 days) in {directorate}",
  "tabs.adoption.tips.campaigns.heading": "Tips sent",
  "tabs.adoption.tips.campaigns.none": "No tips have been sent yet.",
  "tabs.adoption.tips.campaigns.tip": "Tip",
  "tabs.adoption.tips.campaigns.audience": "Sent to",
  "tabs.adoption.tips.campaigns.sentAt": "Sent",
  "tabs.adoption.tips.campaigns.sentBy": "By",
  "tabs.adoption.tips.campaigns.recipients": "Recipients",
  "tabs.adoption.tips.campaigns.skippedRecent": "Skipped (recent tip)",
  "tabs.adoption.tips.campaigns.skippedOptedOut": "Skipped (opted out)",
  "tabs.adoption.tips.campaigns.delivery": "Delivered",
  "tabs.adoption.tips.campaigns.deliveryCounts": "{sent} sent, {failed} failed, {pending} waiting",
  "tabs.adoption.tips.campaigns.before": "Active in Teams before",
  "tabs.adoption.tips.campaigns.after": "Active in Teams after",
  "tabs.adoption.tips.effect.explained":
    "The share of recipients active in Teams in the 28 days before the tip was sent, and in the 28 days after.",
  "tabs.adoption.tips.effect.share": "{share}%",
  "tabs.adoption.tips.effect.change": "{change} points",
  "tabs.adoption.tips.effect.waiting": "Measured once 28 days of reports after sending have arrived",
  "tabs.adoption.tips.effect.tooFew": "Not shown: fewer than {threshold} recipients",
  "tabs.adoption.tips.effect.noData": "Not measured: no usage data for those days",
  "tabs.adoption.tips.error.load": "The tips could not be loaded. Try again in a moment.",
  "tabs.adoption.tips.error.send": "The tip could not be sent: {message}",
} as const;
