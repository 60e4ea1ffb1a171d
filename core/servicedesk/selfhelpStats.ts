import { sql } from "kysely";
import type { Db } from "../store/database";

/**
 * Per week (Monday start): questions asked, and how many self-help dealt with
 * (an answer that led to no ticket and was not marked "Not quite").
 */
export async function deflectionByWeek(db: Db, since: Date) {
  const rows = await db
    .selectFrom("selfhelp_question")
    .select([
      sql<string>`to_char(date_trunc('week', asked_at), 'YYYY-MM-DD')`.as("week"),
      sql<number>`count(*)`.as("questions"),
      sql<number>`count(*) filter (where confidence <> 'none' and ticket_id is null and coalesce(feedback, '') <> 'not_quite')`.as(
        "deflected",
      ),
    ])
    .where("asked_at", ">=", since)
    .groupBy(sql`date_trunc('week', asked_at)`)
    .orderBy(sql`date_trunc('week', asked_at)`)
    .execute();
  return rows.map((r) => ({ ...r, deflectionRate: r.questions === 0 ? 0 : r.deflected / r.questions }));
}

/** The articles self-help answered with most often. */
export async function topTopics(db: Db, since: Date, limit = 10) {
  return db
    .selectFrom("selfhelp_question")
    .select(["top_article_id as articleId", sql<number>`count(*)`.as("questions")])
    .where("asked_at", ">=", since)
    .where("top_article_id", "is not", null)
    .groupBy("top_article_id")
    .orderBy(sql`count(*)`, "desc")
    .limit(limit)
    .execute();
}

/** Questions that found no answer, newest first: what the knowledge base lacks. */
export async function unansweredQuestions(db: Db, since: Date, limit = 50) {
  return db
    .selectFrom("selfhelp_question")
    .select(["id", "asked_at", "question"])
    .where("asked_at", ">=", since)
    .where("confidence", "=", "none")
    .orderBy("asked_at", "desc")
    .limit(limit)
    .execute();
}

/** Tickets opened and resolved since a date, time to resolve and satisfaction after tickets. */
export async function ticketSummary(db: Db, since: Date) {
  return db
    .selectFrom("ticket")
    .select([
      sql<number>`count(*)`.as("raised"),
      sql<number>`count(*) filter (where status <> 'resolved')`.as("open"),
      sql<number>`count(*) filter (where status = 'resolved')`.as("resolved"),
      sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from resolved_at - created_at)) filter (where resolved_at is not null)`.as(
        "medianSecondsToResolve",
      ),
      sql<number | null>`avg(satisfaction)`.as("meanSatisfaction"),
      sql<number>`count(satisfaction)`.as("ratings"),
    ])
    .where("created_at", ">=", since)
    .executeTakeFirstOrThrow();
}
