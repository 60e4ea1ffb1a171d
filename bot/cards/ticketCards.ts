import { t } from "../../core/messages/catalogue";
import { requestReference } from "../../core/requests/deviceRequests";
import type { DeviceRequest } from "../../core/requests/requestTables";
import type { Ticket, TicketNote, TranscriptLine } from "../../core/servicedesk/serviceDeskTables";
import { ticketReference } from "../../core/servicedesk/tickets";
import { cardVerbs } from "./cardVerbs";
import deskTicketTemplate from "./deskTicket.json";
import ratingTemplate from "./rating.json";
import { type AdaptiveCardJson, renderCard } from "./renderCard";
import ticketListTemplate from "./ticketList.json";

const when = (date: Date | string) =>
  new Date(date).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

/** What a ticket's state means to the person who raised it. */
export const statusText = (ticket: Ticket) =>
  ticket.status === "resolved"
    ? t("ticket.status.resolved")
    : ticket.status === "assigned"
      ? t("ticket.status.assigned", { name: ticket.assignee_name ?? "" })
      : t("ticket.status.open");

/** The person's tickets and device requests, and their states. */
export function ticketListCard(tickets: Ticket[], requests: DeviceRequest[] = []): AdaptiveCardJson {
  return renderCard(ticketListTemplate, {
    title: t("ticket.list.title"),
    emptyText: t("ticket.list.empty"),
    requestsTitle: t("request.list.title"),
    requests: requests.map((request) => ({
      reference: requestReference(request.id),
      kind: t(`request.kind.${request.kind}`),
      status: t(`request.status.${request.status}`),
    })),
    tickets: tickets.map((ticket) => ({
      reference: ticketReference(ticket.id),
      subject: ticket.subject,
      status: statusText(ticket),
    })),
  });
}

/** The ticket as the service desk sees it in its channel; updated in place after each action. */
export function deskTicketCard(ticket: Ticket, notes: TicketNote[]): AdaptiveCardJson {
  const transcript = ticket.transcript as TranscriptLine[];
  return renderCard(deskTicketTemplate, {
    title: t("ticket.desk.title", { reference: ticketReference(ticket.id), subject: ticket.subject }),
    requesterLabel: t("ticket.desk.requester"),
    requester: ticket.requester_name ?? ticket.requester_aad_id,
    raisedLabel: t("ticket.desk.raised"),
    raised: when(ticket.created_at),
    statusLabel: t("ticket.desk.status"),
    status: statusText(ticket),
    conversationLabel: t("ticket.desk.conversation"),
    transcript: transcript.map((line) => ({ text: `${line.from === "user" ? "›" : "‹"} ${line.text}` })),
    notesLabel: t("ticket.desk.notes"),
    notes: notes.map((n) => ({ text: `${n.author_name ?? n.author_aad_id} (${when(n.created_at)}): ${n.text}` })),
    open: ticket.status !== "resolved",
    notePlaceholder: t("ticket.desk.notePlaceholder"),
    resolutionPlaceholder: t("ticket.desk.resolutionPlaceholder"),
    ticketId: ticket.id,
    assignLabel: t("ticket.desk.assignToMe"),
    noteLabel: t("ticket.desk.addNote"),
    resolveLabel: t("ticket.desk.resolve"),
    assignVerb: cardVerbs.assign,
    noteVerb: cardVerbs.note,
    resolveVerb: cardVerbs.resolve,
  });
}

/** The one-tap 1–5 satisfaction question after a ticket is resolved. */
export function ratingCard(ticket: Ticket): AdaptiveCardJson {
  return renderCard(ratingTemplate, {
    question: t("ticket.rate.question", { reference: ticketReference(ticket.id) }),
    scale: t("ticket.rate.scale"),
    scores: [1, 2, 3, 4, 5].map((score) => ({ score, label: String(score) })),
    ticketId: ticket.id,
    rateVerb: cardVerbs.rate,
  });
}
