import { randomUUID } from "node:crypto";
import { AppError } from "../errors";
import type { Db } from "../store/database";
import type { Confidence, Feedback } from "./serviceDeskTables";

/** A question put to self-help and what it found. */
export type AskedQuestion = {
  /** Made by the caller (newQuestionId) so the answer card can carry it before the row is written. */
  id: string;
  userAadId: string | null;
  conversationId: string;
  question: string;
  confidence: Confidence;
  results: { id: string; score: number }[];
};

export const newQuestionId = (): string => randomUUID();

export async function recordQuestion(db: Db, asked: AskedQuestion): Promise<void> {
  await db
    .insertInto("selfhelp_question")
    .values({
      id: asked.id,
      user_aad_id: asked.userAadId,
      conversation_id: asked.conversationId,
      question: asked.question,
      confidence: asked.confidence,
      top_article_id: asked.confidence === "none" ? null : (asked.results[0]?.id ?? null),
      results: JSON.stringify(asked.results),
    })
    .execute();
}

/**
 * Stores the asker's verdict on an answer, once.
 * @throws AppError not_found, forbidden (someone else's question), already_decided.
 */
export async function recordFeedback(db: Db, questionId: string, userAadId: string, feedback: Feedback): Promise<void> {
  const result = await db
    .updateTable("selfhelp_question")
    .set({ feedback, feedback_at: new Date() })
    .where("id", "=", questionId)
    .where("user_aad_id", "=", userAadId)
    .where("feedback", "is", null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 1n) return;
  const question = await db
    .selectFrom("selfhelp_question")
    .select(["user_aad_id"])
    .where("id", "=", questionId)
    .executeTakeFirst();
  if (!question) throw new AppError("not_found", `No question ${questionId}`);
  if (question.user_aad_id !== userAadId)
    throw new AppError("forbidden", "Only the person who asked can rate the answer");
  throw new AppError("already_decided", "This answer has already been rated");
}

/** The person's recent questions in a conversation, oldest first: the transcript a ticket carries. */
export async function recentQuestions(db: Db, conversationId: string, limit = 5) {
  const rows = await db
    .selectFrom("selfhelp_question")
    .select(["asked_at", "question", "top_article_id", "confidence"])
    .where("conversation_id", "=", conversationId)
    .orderBy("asked_at", "desc")
    .limit(limit)
    .execute();
  return rows.reverse();
}
