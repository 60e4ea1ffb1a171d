import type { AdaptiveCardInvokeResponse, TurnContext } from "botbuilder";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { z } from "zod";
import { isAppError } from "../../core/errors";
import { type AnswerOutcome, answerPulse, findRun, standingOf } from "../../core/pulses/answers";
import type { PulseRow, PulseRunRow } from "../../core/pulses/pulseTables";
import type { Database } from "../../core/store/database";
import { cardVerbs } from "../cards/cardVerbs";
import { cardResponse, invalidCardData, notFoundResponse } from "../cards/invokeResponses";
import { pulseCard, pulseClosedCard, pulseNotInvitedCard, pulseThanksCard } from "../cards/pulseCards";
import type { AdaptiveCardJson } from "../cards/renderCard";

/** What answering a pulse needs; RequestDeps provides it. */
export type PulseCardDeps = { db: Kysely<Database>; log: Logger; now: () => Date };

const runId = z.coerce.number().int().positive();
/** An unanswered optional choice arrives as "" or not at all. */
const optionalScore = z
  .union([z.literal(""), z.coerce.number().int().min(0).max(10)])
  .optional()
  .transform((v) => (v === "" || v === undefined ? null : v));
const schemas = {
  [cardVerbs.pulseAnswer]: z.object({
    runId,
    rating: z.coerce.number().int().min(1).max(5),
    recommend: optionalScore,
    comment: z.string().max(1000).optional(),
  }),
  [cardVerbs.pulseView]: z.object({ runId }),
} as const;

type PulseVerb = keyof typeof schemas;
export const isPulseVerb = (verb: string | undefined): verb is PulseVerb => verb !== undefined && verb in schemas;

/**
 * A press on a pulse card, or Teams refreshing one. The answer replaces the
 * card in place with the thank-you, so it cannot be pressed twice; a second
 * answer from another device, or one after closing, gets the card that says so.
 */
export async function handlePulseAction(
  deps: PulseCardDeps,
  context: TurnContext,
  verb: PulseVerb,
  data: unknown,
): Promise<AdaptiveCardInvokeResponse> {
  const parsed = schemas[verb].safeParse(data);
  if (!parsed.success) return invalidCardData;
  const aadObjectId = context.activity.from.aadObjectId ?? context.activity.from.id;
  const now = deps.now();
  try {
    if (verb === cardVerbs.pulseView) {
      const { pulse, run } = await findRun(deps.db, parsed.data.runId);
      const standing = await standingOf(deps.db, run.id, aadObjectId, now);
      return cardResponse(
        standing === "open"
          ? pulseCard({ draft: pulse.definition, runId: run.id, closesAt: run.closes_at })
          : cardFor({ kind: standing, pulse, run }),
      );
    }
    const answer = parsed.data as z.infer<(typeof schemas)["pulse.answer"]>;
    const outcome = await answerPulse(deps.db, {
      runId: answer.runId,
      aadObjectId,
      answer: { rating: answer.rating, recommend: answer.recommend, comment: answer.comment ?? null },
      now,
    });
    if (outcome.kind !== "answered")
      deps.log.info({ runId: answer.runId, outcome: outcome.kind }, "pulse answer refused");
    return cardResponse(cardFor(outcome));
  } catch (error) {
    if (isAppError(error, "invalid_input")) return invalidCardData;
    if (isAppError(error, "not_found")) return notFoundResponse(error.message);
    throw error;
  }
}

function cardFor(outcome: { kind: AnswerOutcome["kind"]; pulse: PulseRow; run: PulseRunRow }): AdaptiveCardJson {
  const { pulse, run } = outcome;
  switch (outcome.kind) {
    case "answered":
    case "duplicate":
      return pulseThanksCard({ title: pulse.title, anonymous: pulse.anonymous, already: outcome.kind === "duplicate" });
    case "closed":
      return pulseClosedCard({ title: pulse.title, closedAt: run.closed_at ?? run.closes_at });
    case "notInvited":
      return pulseNotInvitedCard({ title: pulse.title });
  }
}
