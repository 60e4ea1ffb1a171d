import { sql } from "kysely";
import { t } from "../messages/catalogue";
import { hiddenGroups } from "../privacy/smallGroups";
import type { Db } from "../store/database";
import { isRunOpen } from "./answers";
import { shareOf } from "./pulses";
import type { PulseRow, PulseRunRow } from "./pulseTables";

/** A group's figures before anything is hidden. */
export type GroupFigures = { directorate: string; responded: number; mean: number; satisfiedShare: number };

export type DirectorateResult = {
  directorate: string;
  responded: number | null;
  mean: number | null;
  satisfiedShare: number | null;
  suppressed: boolean;
};

/** One run's results (the contract's RunResults). */
export type RunResults = {
  id: number;
  sentAt: string;
  closesAt: string;
  open: boolean;
  invited: number;
  responded: number;
  responseRate: number;
  shown: boolean;
  distribution: number[] | null;
  mean: number | null;
  satisfiedShare: number | null;
  recommend: null | { responses: number; netPromoterScore: number };
  byDirectorate: DirectorateResult[];
  comments: { shown: boolean; items: string[] };
};

export type TrendPoint = {
  runId: number;
  sentAt: string;
  mean: number | null;
  satisfiedShare: number | null;
  responseRate: number;
};

/** Comments can say who wrote them; fewer than this many answers and they stay hidden. */
export const commentsFloor = 10;

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * Hides every directorate where fewer than `threshold` answered, and more
 * wherever the run's total less the shown ones would give a hidden one (or
 * several hidden ones together fewer than the threshold) away.
 */
export function suppressDirectorates(groups: readonly GroupFigures[], threshold: number): DirectorateResult[] {
  const run = {
    id: "",
    size: groups.reduce((sum, g) => sum + g.responded, 0),
    children: groups.map((g) => ({ id: g.directorate, size: g.responded })),
  };
  const hidden = hiddenGroups(run, threshold);
  return [...groups]
    .sort((a, b) => a.directorate.localeCompare(b.directorate, "en-GB"))
    .map((g) =>
      hidden.has(g.directorate)
        ? { directorate: g.directorate, responded: null, mean: null, satisfiedShare: null, suppressed: true }
        : { ...g, suppressed: false },
    );
}

/** Net promoter score: the share answering 9–10 less the share answering 0–6, in points. */
export const netPromoterScore = (promoters: number, detractors: number, responses: number) =>
  responses === 0 ? 0 : Math.round(((promoters - detractors) / responses) * 100);

/** A run's results with the pulse's threshold applied; `responded` is how many answered. */
export async function runResults(
  db: Db,
  pulse: PulseRow,
  run: PulseRunRow & { responded: number },
  now: Date,
): Promise<RunResults> {
  const threshold = pulse.threshold;
  const shown = run.responded >= threshold;
  const base = {
    id: run.id,
    sentAt: run.sent_at.toISOString(),
    closesAt: run.closes_at.toISOString(),
    open: isRunOpen(run, now),
    invited: run.invited,
    responded: run.responded,
    responseRate: shareOf(run.responded, run.invited),
    shown,
  };
  const groups = await directorateFigures(db, run.id);
  const byDirectorate = suppressDirectorates(groups, threshold);
  if (!shown) {
    return {
      ...base,
      distribution: null,
      mean: null,
      satisfiedShare: null,
      recommend: null,
      byDirectorate,
      comments: { shown: false, items: [] },
    };
  }
  const ratings = await db
    .selectFrom("pulse_answer")
    .select(["rating", (eb) => eb.fn.countAll<string>().as("count")])
    .where("run_id", "=", run.id)
    .groupBy("rating")
    .execute();
  const distribution = [1, 2, 3, 4, 5].map((r) => Number(ratings.find((row) => row.rating === r)?.count ?? 0));
  const answers = distribution.reduce((a, b) => a + b, 0);
  const sum = distribution.reduce((total, count, i) => total + count * (i + 1), 0);
  const satisfied = (distribution[3] ?? 0) + (distribution[4] ?? 0);
  const commentsShown = run.responded >= Math.max(commentsFloor, threshold);
  return {
    ...base,
    distribution,
    mean: answers === 0 ? null : oneDecimal(sum / answers),
    satisfiedShare: shareOf(satisfied, answers),
    recommend: pulse.definition.askRecommend ? await recommendFigures(db, run.id) : null,
    byDirectorate,
    comments: {
      shown: commentsShown,
      // Ordered by the answers' random ids: the order says nothing about who or when.
      items: commentsShown ? await commentsOf(db, run.id) : [],
    },
  };
}

async function directorateFigures(db: Db, runId: number): Promise<GroupFigures[]> {
  const rows = await db
    .selectFrom("pulse_answer")
    .select([
      "directorate",
      (eb) => eb.fn.countAll<string>().as("responded"),
      sql<string>`avg(rating)`.as("mean"),
      sql<string>`sum(case when rating >= 4 then 1 else 0 end)`.as("satisfied"),
    ])
    .where("run_id", "=", runId)
    .groupBy("directorate")
    .execute();
  return rows.map((r) => ({
    directorate: r.directorate ?? t("pulse.results.noDirectorate"),
    responded: Number(r.responded),
    mean: oneDecimal(Number(r.mean)),
    satisfiedShare: shareOf(Number(r.satisfied), Number(r.responded)),
  }));
}

async function recommendFigures(db: Db, runId: number) {
  const row = await db
    .selectFrom("pulse_answer")
    .select([
      sql<string>`count(recommend)`.as("responses"),
      sql<string>`sum(case when recommend >= 9 then 1 else 0 end)`.as("promoters"),
      sql<string>`sum(case when recommend <= 6 then 1 else 0 end)`.as("detractors"),
    ])
    .where("run_id", "=", runId)
    .executeTakeFirstOrThrow();
  const responses = Number(row.responses);
  return {
    responses,
    netPromoterScore: netPromoterScore(Number(row.promoters ?? 0), Number(row.detractors ?? 0), responses),
  };
}

async function commentsOf(db: Db, runId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("pulse_answer")
    .select("comment")
    .where("run_id", "=", runId)
    .where("comment", "is not", null)
    .orderBy("id")
    .execute();
  return rows.flatMap((r) => (r.comment ? [r.comment] : []));
}

/** Runs oldest first, with the figures only where they were shown. */
export const trendOf = (runs: readonly RunResults[]): TrendPoint[] =>
  [...runs]
    .sort((a, b) => a.sentAt.localeCompare(b.sentAt))
    .map((r) => ({
      runId: r.id,
      sentAt: r.sentAt,
      mean: r.mean,
      satisfiedShare: r.satisfiedShare,
      responseRate: r.responseRate,
    }));

/** How staff rated the help they got after a ticket, over the last 90 days. */
export async function afterTicketScores(db: Db, now: Date) {
  const periodDays = 90 as const;
  const since = new Date(now.getTime() - periodDays * 86_400_000);
  const rows = await db
    .selectFrom("ticket")
    .select(["satisfaction", (eb) => eb.fn.countAll<string>().as("count")])
    .where("satisfaction", "is not", null)
    .where("satisfaction_at", ">=", since)
    .groupBy("satisfaction")
    .execute();
  const distribution = [1, 2, 3, 4, 5].map((s) => Number(rows.find((r) => r.satisfaction === s)?.count ?? 0));
  const responses = distribution.reduce((a, b) => a + b, 0);
  const sum = distribution.reduce((total, count, i) => total + count * (i + 1), 0);
  return {
    responses,
    mean: responses === 0 ? null : oneDecimal(sum / responses),
    distribution: responses === 0 ? null : distribution,
    periodDays,
  };
}
