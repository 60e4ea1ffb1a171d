import type { Selectable } from "kysely";
import type { Db } from "../store/database";
import type { TipCampaign } from "./adoptionApi";
import type { AdoptionTipCampaignTable } from "./adoptionTables";
import { addDays } from "./calendar";
import { dayOf, measuredActive, newestDayWithData, tipWindowDays, windowFrom } from "./tipWindows";

type CampaignRow = Selectable<AdoptionTipCampaignTable>;

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * A campaign's before-and-after, as shares of its recipients. Shown only for
 * at least `minGroupSize` recipients: with fewer, a share says too much about
 * the few people behind it.
 */
export function effectOf(campaign: CampaignRow, minGroupSize: number): TipCampaign["effect"] {
  const shown = campaign.recipients >= minGroupSize;
  const share = (active: number | null) =>
    shown && active !== null ? oneDecimal((active / campaign.recipients) * 100) : null;
  return {
    before: share(campaign.before_active),
    after: share(campaign.after_active),
    afterMeasuredAt: campaign.after_measured_at ? campaign.after_measured_at.toISOString() : null,
    shown,
  };
}

/**
 * Measures the "after" of every campaign whose 28 days from the day it was
 * sent are all covered by the reports (the newest day with data is at least
 * the sent day + 27), once. Where the reports cannot tell (no data for those
 * days, or names concealed on one), it is recorded as measured with no
 * figure, so that the tab can say so instead of waiting for ever. The update
 * is conditional, so two instances measure each campaign once. Returns how many were measured.
 */
export async function measureTipEffects(db: Db, now: Date): Promise<number> {
  const newest = await newestDayWithData(db);
  if (newest === null) return 0;
  const waiting = await db
    .selectFrom("adoption_tip_campaign")
    .select(["id", "created_at"])
    .where("after_measured_at", "is", null)
    .where("recipients", ">", 0)
    .orderBy("id")
    .execute();
  let measured = 0;
  for (const campaign of waiting) {
    const sent = dayOf(campaign.created_at);
    if (addDays(sent, tipWindowDays - 1) > newest) continue;
    const after = await measuredActive(db, campaign.id, windowFrom(sent));
    const result = await db
      .updateTable("adoption_tip_campaign")
      .set({ after_active: after, after_measured_at: now })
      .where("id", "=", campaign.id)
      .where("after_measured_at", "is", null)
      .executeTakeFirst();
    measured += Number(result.numUpdatedRows);
  }
  return measured;
}

/**
 * Forgets who was sent which tip after a year. A recipient row is a record
 * about one person, kept only as long as it is needed: the frequency cap looks
 * back ADOPTION_TIP_GAP_DAYS and the effect 28 days after sending, both far
 * inside a year. The campaign keeps its counts and its before-and-after.
 */
export async function pruneTipRecipients(db: Db, today: string): Promise<number> {
  const result = await db
    .deleteFrom("adoption_tip_recipient")
    .where("sent_on", "<", addDays(today, -365))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
