import { type Kysely, type Selectable, sql } from "kysely";
import { z } from "zod";
import { AppError } from "../errors";
import { t } from "../messages/catalogue";
import { deliveryReport, enqueueMessage, type OutboxActivity } from "../outbox/outbox";
import type { Database, Db } from "../store/database";
import { inChunks } from "../store/inChunks";
import type { TipAudience, TipCampaign } from "./adoptionApi";
import type { AdoptionTipCampaignTable } from "./adoptionTables";
import { tipCandidates } from "./tipAudience";
import { findTip, type Tip, tipIds } from "./tipCatalogue";
import { effectOf } from "./tipEffect";
import { dayOf, measuredActive, windowBefore } from "./tipWindows";

export type TipCampaignRow = Selectable<AdoptionTipCampaignTable>;

/** Draws a tip's card; core does not know what a card looks like. */
export type TipActivity = (tip: Tip) => OutboxActivity;

/** The outbox key of a campaign's one message. */
export const tipMessageKey = (campaignId: number) => `adoption-tip:${campaignId}`;

const directorate = z
  .string({ error: t("adoption.tip.error.directorate") })
  .trim()
  .min(1, { error: t("adoption.tip.error.directorate") })
  .max(200, { error: t("adoption.tip.error.directorate") });

/** What ICT asks for: a tip from the catalogue and who gets it. */
export const tipRequest = z.object({
  tip: z
    .string({ error: t("adoption.tip.error.unknownTip", { tips: tipIds.join(", ") }) })
    .refine((id) => findTip(id) !== undefined, {
      error: t("adoption.tip.error.unknownTip", { tips: tipIds.join(", ") }),
    }),
  audience: z.discriminatedUnion(
    "kind",
    [
      z.object({ kind: z.literal("directorate"), directorate }),
      z.object({
        kind: z.literal("inactive"),
        directorate: directorate.nullable().default(null),
        days: z.literal(28, { error: t("adoption.tip.error.inactiveDays") }).default(28),
      }),
    ],
    { error: t("adoption.tip.error.audienceKind") },
  ),
});
export type TipRequest = z.infer<typeof tipRequest>;

// Two sends at once must not both pass the frequency cap for the same person.
const sendLock = 0x7469_7073; // "tips"

/**
 * Sends a tip: draws the audience, leaves out people who opted out and people
 * sent any tip in the last `gapDays` days (counting both on the campaign),
 * records the recipients, notes how many of them were active in Teams in the
 * 28 days before, and enqueues one broadcast to them all, in one transaction.
 * The caller wakes the outbox.
 * @throws AppError invalid_input (unknown tip, nobody in the audience),
 *   already_decided (inactive people cannot be found: no data yet, or names concealed).
 */
export async function sendTip(
  db: Kysely<Database>,
  props: { request: TipRequest; by: string; now: Date; gapDays: number; activity: TipActivity },
): Promise<TipCampaignRow> {
  const tip = findTip(props.request.tip);
  if (!tip) throw new AppError("invalid_input", t("adoption.tip.error.unknownTip", { tips: tipIds.join(", ") }));
  const audience: TipAudience = props.request.audience;
  const today = dayOf(props.now);
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${sendLock})`.execute(trx);
    const candidates = await tipCandidates(trx, audience, today, props.gapDays);
    if (candidates.length === 0) throw new AppError("invalid_input", t("adoption.tip.error.nobody"));
    const optedOut = candidates.filter((c) => c.optedOut).length;
    const recent = candidates.filter((c) => !c.optedOut && c.recentTip).length;
    const recipients = candidates.filter((c) => !c.optedOut && !c.recentTip).map((c) => c.userId);

    const campaign = await trx
      .insertInto("adoption_tip_campaign")
      .values({
        tip: tip.id,
        audience: JSON.stringify(audience),
        created_by: props.by,
        created_at: props.now,
        recipients: recipients.length,
        skipped_recent: recent,
        skipped_opted_out: optedOut,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const chunk of inChunks(recipients, 1_000)) {
      await trx
        .insertInto("adoption_tip_recipient")
        .values(chunk.map((userId) => ({ campaign_id: campaign.id, user_id: userId, sent_on: today })))
        .execute();
    }
    let messageId: string | null = null;
    if (recipients.length > 0) {
      ({ messageId } = await enqueueMessage(trx, {
        key: tipMessageKey(campaign.id),
        purpose: "adoption.tip",
        subject: { campaignId: campaign.id, tip: tip.id },
        activity: props.activity(tip),
        recipients: recipients.map((aadObjectId) => ({ aadObjectId })),
      }));
    }
    return trx
      .updateTable("adoption_tip_campaign")
      .set({
        outbox_message_id: messageId,
        before_active: await measuredActive(trx, campaign.id, windowBefore(today)),
      })
      .where("id", "=", campaign.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/** A campaign as the tab shows it, with its delivery so far from the outbox. */
export async function presentCampaign(db: Db, campaign: TipCampaignRow, minGroupSize: number): Promise<TipCampaign> {
  const tip = findTip(campaign.tip);
  const report = campaign.outbox_message_id === null ? null : await deliveryReport(db, [tipMessageKey(campaign.id)]);
  return {
    id: campaign.id,
    tip: campaign.tip,
    title: tip ? t(tip.title) : campaign.tip,
    audience: campaign.audience as TipAudience,
    createdBy: campaign.created_by,
    createdAt: campaign.created_at.toISOString(),
    recipients: campaign.recipients,
    skippedRecent: campaign.skipped_recent,
    skippedOptedOut: campaign.skipped_opted_out,
    effect: effectOf(campaign, minGroupSize),
    delivery: report
      ? {
          sent: report.byState.sent,
          failed: report.byState.failed + report.byState.unreachable,
          pending: report.byState.pending + report.byState.sending,
        }
      : { sent: 0, failed: 0, pending: 0 },
  };
}

/** The newest campaigns first (at most `limit`). */
export async function tipCampaigns(db: Db, minGroupSize: number, limit = 100): Promise<TipCampaign[]> {
  const rows = await db.selectFrom("adoption_tip_campaign").selectAll().orderBy("id", "desc").limit(limit).execute();
  const campaigns: TipCampaign[] = [];
  for (const row of rows) campaigns.push(await presentCampaign(db, row, minGroupSize));
  return campaigns;
}

/** Someone asked for no more tips: every later campaign leaves them out. Pressing twice changes nothing. */
export async function optOutOfTips(db: Db, userId: string, now: Date): Promise<void> {
  await db
    .insertInto("adoption_tip_opt_out")
    .values({ user_id: userId, opted_out_at: now })
    .onConflict((oc) => oc.column("user_id").doNothing())
    .execute();
}

/** Someone changed their mind: tips may reach them again (still no more than the cap allows). */
export async function optBackIntoTips(db: Db, userId: string): Promise<void> {
  await db.deleteFrom("adoption_tip_opt_out").where("user_id", "=", userId).execute();
}
