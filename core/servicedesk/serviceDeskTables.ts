import type { ColumnType, Generated, Selectable } from "kysely";

/** How sure self-help was: one answer, a few to pick from, or none. */
export type Confidence = "high" | "medium" | "none";
export type Feedback = "helped" | "not_quite";
export type TicketStatus = "open" | "assigned" | "resolved";
/** Why a ticket was raised: from the bot's conversation, or written in the My ICT tab. */
export type TicketSource = "talk-to-human" | "not-helped" | "device-request" | "tab";

/** A line of the conversation so far, copied into the ticket for the agent. */
export type TranscriptLine = { at: string; from: "user" | "bot"; text: string };

export type SelfhelpQuestionTable = {
  id: string;
  asked_at: Generated<Date>;
  user_aad_id: string | null;
  conversation_id: string;
  question: string;
  confidence: Confidence;
  top_article_id: string | null;
  results: ColumnType<{ id: string; score: number }[], string, string>;
  feedback: Feedback | null;
  feedback_at: Date | null;
  ticket_id: number | null;
};

export type TicketTable = {
  id: Generated<number>;
  requester_aad_id: string;
  requester_name: string | null;
  /** "" for a ticket raised in the tab by someone with no chat with the bot. */
  requester_conversation_id: string;
  subject: string;
  transcript: ColumnType<TranscriptLine[], string, string>;
  source: TicketSource;
  status: Generated<TicketStatus>;
  assignee_aad_id: string | null;
  assignee_name: string | null;
  created_at: Generated<Date>;
  assigned_at: Date | null;
  resolved_at: Date | null;
  resolution: string | null;
  satisfaction: number | null;
  satisfaction_at: Date | null;
  channel_conversation_id: string | null;
  channel_activity_id: string | null;
};

export type TicketNoteTable = {
  id: Generated<number>;
  ticket_id: number;
  author_aad_id: string;
  author_name: string | null;
  text: string;
  created_at: Generated<Date>;
};

export type Ticket = Selectable<TicketTable>;
export type TicketNote = Selectable<TicketNoteTable>;
