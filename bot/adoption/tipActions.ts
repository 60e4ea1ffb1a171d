import type { AdaptiveCardInvokeResponse, TurnContext } from "botbuilder";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { z } from "zod";
import { optBackIntoTips, optOutOfTips } from "../../core/adoption/tips";
import type { Database } from "../../core/store/database";
import { cardVerbs } from "../cards/cardVerbs";
import { cardResponse, invalidCardData } from "../cards/invokeResponses";
import { tipsResumedCard, tipsStoppedCard } from "./tipCards";

/** What a press on a tip card needs; RequestDeps provides it. */
export type TipCardDeps = { db: Kysely<Database>; log: Logger; now: () => Date };

const tipVerbs = new Set<string>([cardVerbs.tipStop, cardVerbs.tipResume]);
type TipVerb = typeof cardVerbs.tipStop | typeof cardVerbs.tipResume;
export const isTipVerb = (verb: string | undefined): verb is TipVerb => verb !== undefined && tipVerbs.has(verb);

/** The tip the card was about: only echoed back on the card that replaces it. */
const pressed = z.object({ tip: z.string().max(100) });

/**
 * "Stop sending me tips" and its undo. The choice is the presser's own, so any
 * tip card, forwarded or not, may record it; the card is replaced in place by
 * one that says what happened and offers the opposite.
 */
export async function handleTipAction(
  deps: TipCardDeps,
  context: TurnContext,
  verb: TipVerb,
  data: unknown,
): Promise<AdaptiveCardInvokeResponse> {
  const parsed = pressed.safeParse(data);
  const aadObjectId = context.activity.from.aadObjectId;
  if (!parsed.success || !aadObjectId) return invalidCardData;
  if (verb === cardVerbs.tipStop) {
    await optOutOfTips(deps.db, aadObjectId, deps.now());
    deps.log.info({ tip: parsed.data.tip }, "someone stopped adoption tips");
    return cardResponse(tipsStoppedCard(parsed.data.tip));
  }
  await optBackIntoTips(deps.db, aadObjectId);
  return cardResponse(tipsResumedCard(parsed.data.tip));
}
