import { randomInt, randomUUID } from "node:crypto";
import { sql } from "kysely";
import { AppError } from "../errors";
import { t } from "../messages/catalogue";
import type { Db } from "../store/database";
import type { PulseDraft } from "./pulseDraft";
import type { PulseRow, PulseRunRow } from "./pulseTables";

/** What someone sent from the card. */
export type PulseAnswer = { rating: number; recommend: number | null; comment: string | null };

/** How an answer went: recorded, or why not. Each refusal has its own card. */
export type AnswerOutcome =
  | { kind: "answered"; pulse: PulseRow; run: PulseRunRow }
  | { kind: "duplicate"; pulse: PulseRow; run: PulseRunRow }
  | { kind: "closed"; pulse: PulseRow; run: PulseRunRow }
  | { kind: "notInvited"; pulse: PulseRow; run: PulseRunRow };

const maxComment = 1000;

/** The answer as the pulse asks it: questions it did not ask are dropped. @throws AppError invalid_input. */
export function checkAnswer(draft: PulseDraft, answer: PulseAnswer): PulseAnswer {
  if (!Number.isInteger(answer.rating) || answer.rating < 1 || answer.rating > 5)
    throw new AppError("invalid_input", t("pulse.error.rating"));
  const recommend = draft.askRecommend ? answer.recommend : null;
  if (recommend !== null && (!Number.isInteger(recommend) || recommend < 0 || recommend > 10))
    throw new AppError("invalid_input", t("pulse.error.recommend"));
  const comment = draft.askComment ? answer.comment?.trim() || null : null;
  if ((comment?.length ?? 0) > maxComment) throw new AppError("invalid_input", t("pulse.error.comment"));
  return { rating: answer.rating, recommend, comment };
}

/** A run with its pulse. @throws AppError not_found. */
export async function findRun(db: Db, runId: number): Promise<{ pulse: PulseRow; run: PulseRunRow }> {
  const run = await db.selectFrom("pulse_run").selectAll().where("id", "=", runId).executeTakeFirst();
  if (!run) throw new AppError("not_found", t("pulse.error.runNotFound", { id: runId }));
  const pulse = await db.selectFrom("pulse").selectAll().where("id", "=", run.pulse_id).executeTakeFirstOrThrow();
  return { pulse, run };
}

export const isRunOpen = (run: PulseRunRow, now: Date) =>
  run.closed_at === null && run.closes_at.getTime() > now.getTime();

type Standing = Exclude<AnswerOutcome["kind"], "answered"> | "open";

/** Where one person stands with a run: what their card should show. @throws AppError not_found. */
export async function standingOf(db: Db, runId: number, aadObjectId: string, now: Date): Promise<Standing> {
  return standingIn(db, (await findRun(db, runId)).run, aadObjectId, now);
}

async function standingIn(db: Db, run: PulseRunRow, aadObjectId: string, now: Date): Promise<Standing> {
  const responded = await db
    .selectFrom("pulse_respondent")
    .select("run_id")
    .where("run_id", "=", run.id)
    .where("aad_object_id", "=", aadObjectId)
    .executeTakeFirst();
  if (responded) return "duplicate";
  if (!isRunOpen(run, now)) return "closed";
  const invited = await db
    .selectFrom("pulse_invitee")
    .select("run_id")
    .where("run_id", "=", run.id)
    .where("aad_object_id", "=", aadObjectId)
    .executeTakeFirst();
  return invited ? "open" : "notInvited";
}

/**
 * Records one person's answer to a run, once. That they responded and what
 * they said go to separate tables; for an anonymous pulse the answer carries
 * no person, a random id and the day only. The respondent's key refuses a
 * second answer in SQL, whatever the number of devices or instances.
 * (An anonymous answer's day is the run's first day: see pulseTables.ts.)
 * @throws AppError not_found (no such run), invalid_input (answer out of range).
 */
export async function answerPulse(
  db: Db,
  props: { runId: number; aadObjectId: string; answer: PulseAnswer; now: Date },
): Promise<AnswerOutcome> {
  const { pulse, run } = await findRun(db, props.runId);
  const answer = checkAnswer(pulse.definition, props.answer);
  const standing = await standingIn(db, run, props.aadObjectId, props.now);
  if (standing !== "open") return { kind: standing, pulse, run };
  const invitee = await db
    .selectFrom("pulse_invitee")
    .select("directorate")
    .where("run_id", "=", run.id)
    .where("aad_object_id", "=", props.aadObjectId)
    .executeTakeFirstOrThrow();

  const recorded = await db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto("pulse_respondent")
      .values({ run_id: run.id, aad_object_id: props.aadObjectId })
      .onConflict((oc) => oc.columns(["run_id", "aad_object_id"]).doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) !== 1) return false;
    await trx
      .insertInto("pulse_answer")
      .values({
        id: randomUUID(),
        run_id: run.id,
        aad_object_id: pulse.anonymous ? null : props.aadObjectId,
        rating: answer.rating,
        recommend: answer.recommend,
        comment: answer.comment,
        directorate: invitee.directorate,
        // An anonymous answer keeps the run's first day, not its own: on a quiet day
        // one answer could be paired with anything recording when someone was active.
        answered_on: (pulse.anonymous ? run.sent_at : props.now).toISOString().slice(0, 10),
        // Named answers need no shuffling: they say who gave them.
        mixed: !pulse.anonymous,
      })
      .execute();
    return true;
  });
  return { kind: recorded ? "answered" : "duplicate", pulse, run };
}

/**
 * Rewrites a run's anonymous answers in a random order, in one transaction.
 * PostgreSQL keeps rows in the order they were written, and stamps each
 * with the transaction that wrote it (xmin) — the same transaction as the
 * respondent's row. Until this runs, that order and stamp could pair an
 * answer with a respondent; afterwards every answer of the run was written
 * together, in shuffled order, by a transaction that wrote no respondent.
 * The pulse worker runs it every minute for runs with new answers, and at close.
 */
export async function mixAnswers(db: Db, runId: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const answers = await trx
      .deleteFrom("pulse_answer")
      .where("run_id", "=", runId)
      .where("aad_object_id", "is", null)
      .returning(["run_id", "rating", "recommend", "comment", "directorate"])
      // As text, so the day goes back exactly as it came, whatever the time zone.
      .returning(sql<string>`answered_on::text`.as("answered_on"))
      .execute();
    // Fisher–Yates with a cryptographic source: the new order owes nothing to the old.
    for (let i = answers.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [answers[i], answers[j]] = [answers[j] as (typeof answers)[number], answers[i] as (typeof answers)[number]];
    }
    for (let at = 0; at < answers.length; at += 1_000) {
      await trx
        .insertInto("pulse_answer")
        .values(
          answers.slice(at, at + 1_000).map((a) => ({ ...a, id: randomUUID(), aad_object_id: null, mixed: true })),
        )
        .execute();
    }
    return answers.length;
  });
}

/** Anonymous runs with answers not yet mixed in among the rest. */
export async function runsToMix(db: Db): Promise<number[]> {
  const rows = await db.selectFrom("pulse_answer").select("run_id").distinct().where("mixed", "=", false).execute();
  return rows.map((r) => r.run_id);
}

/**
 * After a run closes: in an anonymous pulse, an answer's directorate is
 * blanked where fewer than the threshold from that directorate answered —
 * otherwise the lone respondent from a small directorate (their directorate
 * is known from the directory) could be matched to the one answer carrying
 * it. Those answers then count under "directorate not recorded". Then the
 * answers are mixed a last time.
 */
export async function sealRun(db: Db, runId: number): Promise<void> {
  const { pulse } = await findRun(db, runId);
  if (!pulse.anonymous) return;
  await db
    .updateTable("pulse_answer")
    .set({ directorate: null })
    .where("run_id", "=", runId)
    .where("directorate", "in", (eb) =>
      eb
        .selectFrom("pulse_answer as a")
        .select("a.directorate")
        .where("a.run_id", "=", runId)
        .where("a.directorate", "is not", null)
        .groupBy("a.directorate")
        .having(sql`count(*)`, "<", pulse.threshold),
    )
    .execute();
  await mixAnswers(db, runId);
}
