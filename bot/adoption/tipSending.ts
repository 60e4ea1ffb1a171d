import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { sendTip, type TipCampaignRow, type TipRequest } from "../../core/adoption/tips";
import type { Database } from "../../core/store/database";
import type { Outbox } from "../outbox/outbox";
import { tipCard } from "./tipCards";

/** What sending a tip needs. */
export type TipSendingDeps = {
  db: Kysely<Database>;
  log: Logger;
  /** The card goes out through it, as a broadcast. */
  outbox: Pick<Outbox, "wake">;
  now: () => Date;
  /** Base of the "Learn more" links: PUBLIC_URL. */
  publicUrl: string;
  /** ADOPTION_TIP_GAP_DAYS. */
  tipGapDays: number;
};

/**
 * ICT's "send tip": records the campaign and its recipients and queues the
 * card to them all, then wakes the sender.
 * @throws AppError invalid_input, already_decided (see sendTip).
 */
export async function sendTipCampaign(deps: TipSendingDeps, request: TipRequest, by: string): Promise<TipCampaignRow> {
  const campaign = await sendTip(deps.db, {
    request,
    by,
    now: deps.now(),
    gapDays: deps.tipGapDays,
    activity: (tip) => ({ card: tipCard(tip, deps.publicUrl) }),
  });
  deps.log.info({ campaignId: campaign.id, tip: campaign.tip, recipients: campaign.recipients }, "adoption tip queued");
  if (campaign.recipients > 0) deps.outbox.wake();
  return campaign;
}
