import { sql } from "kysely";
import { AppError } from "../errors";
import type { Db } from "../store/database";
import type { Ticket, TicketSource, TranscriptLine } from "./serviceDeskTables";

/** The reference staff and agents see, e.g. ICT-000042. */
export const ticketReference = (id: number) => `ICT-${String(id).padStart(6, "0")}`;

/** A person on the service desk, as Teams names them. */
export type Agent = { aadObjectId: string; name: string | null };

export type RaiseTicketProps = {
  /** Who needs help (Entra object id) and their name for the agent. */
  requester: Agent;
  /** Their 1:1 conversation with the bot, where updates go; "" when they have none yet. */
  conversationId: string;
  subject: string;
  /** The conversation so far. */
  transcript: TranscriptLine[];
  source: TicketSource;
  /** The self-help question that led here, linked for the statistics. */
  questionId?: string;
};

export async function raiseTicket(db: Db, props: RaiseTicketProps): Promise<Ticket> {
  const ticket = await db
    .insertInto("ticket")
    .values({
      requester_aad_id: props.requester.aadObjectId,
      requester_name: props.requester.name,
      requester_conversation_id: props.conversationId,
      subject: props.subject.slice(0, 500),
      transcript: JSON.stringify(props.transcript),
      source: props.source,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (props.questionId !== undefined) {
    await db
      .updateTable("selfhelp_question")
      .set({ ticket_id: ticket.id })
      .where("id", "=", props.questionId)
      .execute();
  }
  return ticket;
}

/** Remembers where the ticket's card is in the service-desk channel, to update it in place. */
export async function recordChannelCard(db: Db, ticketId: number, conversationId: string, activityId: string) {
  await db
    .updateTable("ticket")
    .set({ channel_conversation_id: conversationId, channel_activity_id: activityId })
    .where("id", "=", ticketId)
    .execute();
}

export async function findTicket(db: Db, ticketId: number): Promise<Ticket> {
  const ticket = await db.selectFrom("ticket").selectAll().where("id", "=", ticketId).executeTakeFirst();
  if (!ticket) throw new AppError("not_found", `No ticket ${ticketReference(ticketId)}`);
  return ticket;
}

/**
 * Gives an open ticket to an agent (or moves it to another).
 * @throws AppError not_found, already_decided (resolved).
 */
export async function assignTicket(db: Db, ticketId: number, agent: Agent): Promise<Ticket> {
  const ticket = await db
    .updateTable("ticket")
    .set({ status: "assigned", assignee_aad_id: agent.aadObjectId, assignee_name: agent.name, assigned_at: sql`now()` })
    .where("id", "=", ticketId)
    .where("status", "!=", "resolved")
    .returningAll()
    .executeTakeFirst();
  return ticket ?? refuseResolved(db, ticketId);
}

/**
 * Adds an agent's note.
 * @throws AppError not_found, invalid_input (empty note), already_decided (resolved).
 */
export async function addTicketNote(db: Db, ticketId: number, agent: Agent, text: string): Promise<Ticket> {
  const note = text.trim();
  if (note === "") throw new AppError("invalid_input", "A note needs some text");
  const ticket = await findTicket(db, ticketId);
  if (ticket.status === "resolved") return refuseResolved(db, ticketId);
  await db
    .insertInto("ticket_note")
    .values({
      ticket_id: ticketId,
      author_aad_id: agent.aadObjectId,
      author_name: agent.name,
      text: note.slice(0, 2000),
    })
    .execute();
  return ticket;
}

/**
 * Resolves a ticket once; the requester is then asked how it went.
 * @throws AppError not_found, already_decided.
 */
export async function resolveTicket(
  db: Db,
  ticketId: number,
  agent: Agent,
  resolution: string | null,
): Promise<Ticket> {
  const ticket = await db
    .updateTable("ticket")
    .set({
      status: "resolved",
      resolved_at: sql`now()`,
      resolution: resolution?.trim() || null,
      assignee_aad_id: sql`coalesce(assignee_aad_id, ${agent.aadObjectId})`,
      assignee_name: sql`coalesce(assignee_name, ${agent.name})`,
    })
    .where("id", "=", ticketId)
    .where("status", "!=", "resolved")
    .returningAll()
    .executeTakeFirst();
  return ticket ?? refuseResolved(db, ticketId);
}

/**
 * The requester's 1–5 rating of a resolved ticket, once.
 * @throws AppError invalid_input, not_found, forbidden, already_decided.
 */
export async function rateTicket(db: Db, ticketId: number, requesterAadId: string, score: number): Promise<void> {
  if (!Number.isInteger(score) || score < 1 || score > 5)
    throw new AppError("invalid_input", "A rating is a whole number from 1 to 5");
  const result = await db
    .updateTable("ticket")
    .set({ satisfaction: score, satisfaction_at: sql`now()` })
    .where("id", "=", ticketId)
    .where("requester_aad_id", "=", requesterAadId)
    .where("status", "=", "resolved")
    .where("satisfaction", "is", null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 1n) return;
  const ticket = await findTicket(db, ticketId);
  if (ticket.requester_aad_id !== requesterAadId)
    throw new AppError("forbidden", "Only the person who raised the ticket can rate it");
  throw new AppError(
    "already_decided",
    ticket.satisfaction === null ? "The ticket is not resolved yet" : "This ticket has already been rated",
  );
}

/** A person's tickets, newest first. */
export async function ticketsOf(db: Db, requesterAadId: string, limit = 10): Promise<Ticket[]> {
  return db
    .selectFrom("ticket")
    .selectAll()
    .where("requester_aad_id", "=", requesterAadId)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

export async function notesOf(db: Db, ticketId: number) {
  return db.selectFrom("ticket_note").selectAll().where("ticket_id", "=", ticketId).orderBy("id").execute();
}

async function refuseResolved(db: Db, ticketId: number): Promise<never> {
  await findTicket(db, ticketId);
  throw new AppError("already_decided", `${ticketReference(ticketId)} is already resolved`);
}
