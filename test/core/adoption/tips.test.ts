import { afterEach, describe, expect, it } from "vitest";
import type { TipAudience } from "../../../core/adoption/adoptionApi";
import { addDays } from "../../../core/adoption/calendar";
import { tips } from "../../../core/adoption/tipCatalogue";
import { measureTipEffects, pruneTipRecipients } from "../../../core/adoption/tipEffect";
import {
  optBackIntoTips,
  optOutOfTips,
  sendTip,
  tipCampaigns,
  tipMessageKey,
  tipRequest,
} from "../../../core/adoption/tips";
import { AppError } from "../../../core/errors";
import { t } from "../../../core/messages/catalogue";
import { loadArticles } from "../../../core/selfhelp/loadArticles";
import type { Db } from "../../../core/store/database";
import type { Store } from "../../../core/store/openStore";
import { describeOnEachEngine, openMigratedStore } from "../../support/storeEngines";
import { addStaff } from "../pulses/pulseFixtures";

const today = "2027-03-15";
const sentAt = new Date(`${today}T10:00:00Z`);
const gapDays = 14;
const minGroupSize = 10;
const card = () => ({ text: "the tip card" });

/** One person's report row for a day, as the data helper's ingest writes it. */
async function personDay(db: Db, userId: string, day: string, teamsActive: boolean) {
  await db
    .insertInto("adoption_person_day")
    .values({ day, person: userId, user_id: userId, reports: 1, teams_active: teamsActive })
    .execute();
}

/** A row for someone the directory does not know, so that the reports cover the day. */
async function someoneElseOn(db: Db, day: string) {
  await db
    .insertInto("adoption_person_day")
    .values({ day, person: `report:someone@elsewhere.example`, user_id: null, reports: 1, teams_active: true })
    .execute();
}

/** A day whose reports arrived with user names concealed. */
async function concealedOn(db: Db, day: string) {
  await db
    .insertInto("usage_report_snapshot")
    .values({
      report: "getTeamsUserActivityUserDetail",
      report_date: day,
      refresh_date: addDays(day, 1),
      row_count: 3,
      concealed_names: true,
      fetched_at: new Date(`${day}T12:00:00Z`),
    })
    .execute();
}

const directorate = (name: string): TipAudience => ({ kind: "directorate", directorate: name });
const inactive = (name: string | null = null): TipAudience => ({ kind: "inactive", directorate: name, days: 28 });

describe("the tip catalogue", () => {
  it("words every tip in the catalogue and links only to self-help articles that exist", async () => {
    const articles = new Set((await loadArticles()).map((a) => a.id));
    expect(tips.length).toBeGreaterThanOrEqual(4);
    expect(tips.length).toBeLessThanOrEqual(6);
    for (const tip of tips) {
      for (const key of [tip.title, tip.summary, tip.body]) expect(t(key)).not.toMatch(/^adoption\./);
      if (tip.learnMore) expect(articles).toContain(tip.learnMore);
    }
  });

  it("refuses a request naming a tip or an audience it does not know, saying what it expects", () => {
    const unknown = tipRequest.safeParse({ tip: "fax-machines", audience: directorate("Place") });
    expect(unknown.success).toBe(false);
    expect(JSON.stringify(unknown.error?.issues)).toContain("email-to-chat");
    const kind = tipRequest.safeParse({ tip: "email-to-chat", audience: { kind: "everyone" } });
    expect(JSON.stringify(kind.error?.issues)).toMatch(/directorate.*inactive/);
    const days = tipRequest.safeParse({ tip: "email-to-chat", audience: { kind: "inactive", days: 90 } });
    expect(JSON.stringify(days.error?.issues)).toMatch(/28 days/);
    expect(tipRequest.parse({ tip: "email-to-chat", audience: { kind: "inactive" } }).audience).toEqual(inactive());
  });
});

describeOnEachEngine("sending adoption tips", (engine) => {
  let store: Store;
  afterEach(() => store?.close());

  async function council(counts: Record<string, number>, options: { disabled?: number } = {}) {
    store = await openMigratedStore(engine);
    return addStaff(store.db, counts, options);
  }

  const send = (audience: TipAudience, now = sentAt, tip = "email-to-chat") =>
    sendTip(store.db, { request: { tip, audience }, by: "Ira ICT", now, gapDays, activity: card });

  const recipientsOf = async (campaignId: number) =>
    (
      await store.db
        .selectFrom("adoption_tip_recipient")
        .select("user_id")
        .where("campaign_id", "=", campaignId)
        .execute()
    )
      .map((r) => r.user_id)
      .sort();

  it("sends to a directorate's enabled staff, recorded per person, as one broadcast through the outbox", async () => {
    const staff = await council({ Place: 3, Resources: 2 }, { disabled: 1 });
    const campaign = await send(directorate("Place"));

    expect(campaign).toMatchObject({ tip: "email-to-chat", recipients: 3, skipped_recent: 0, skipped_opted_out: 0 });
    expect(await recipientsOf(campaign.id)).toEqual([...(staff.Place ?? [])].sort());
    const messages = await store.db.selectFrom("outbox_message").select(["key", "purpose", "activity"]).execute();
    expect(messages).toEqual([
      { key: tipMessageKey(campaign.id), purpose: "adoption.tip", activity: { text: "the tip card" } },
    ]);
    const deliveries = await store.db.selectFrom("outbox_delivery").select(["person_aad_id", "priority"]).execute();
    expect(deliveries.map((d) => d.person_aad_id).sort()).toEqual([...(staff.Place ?? [])].sort());
    expect(new Set(deliveries.map((d) => d.priority))).toEqual(new Set([1]));
  });

  it("finds people not active in Teams in the last 28 days, counting those the reports leave out", async () => {
    const staff = await council({ Place: 5, Resources: 2 }, { disabled: 1 });
    const [active, quiet, lapsed, absent, lateToday] = staff.Place ?? [];
    await personDay(store.db, active ?? "", addDays(today, -3), true);
    await personDay(store.db, quiet ?? "", addDays(today, -3), false);
    await personDay(store.db, lapsed ?? "", addDays(today, -29), true);
    await personDay(store.db, lateToday ?? "", today, true);
    const everyone = await send(inactive());
    expect(await recipientsOf(everyone.id)).toEqual(
      [quiet, lapsed, absent, lateToday, ...(staff.Resources ?? [])].sort(),
    );

    const inResources = await send(inactive("Resources"), new Date(sentAt.getTime() + gapDays * 86_400_000));
    expect(await recipientsOf(inResources.id)).toEqual([...(staff.Resources ?? [])].sort());
  });

  it("refuses to find inactive people when no report covers the last 28 days, rather than call everyone inactive", async () => {
    const staff = await council({ Place: 3 });
    await personDay(store.db, staff.Place?.[0] ?? "", addDays(today, -40), true);
    const refusal = await send(inactive()).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "already_decided", message: t("adoption.tip.error.noData") });
    expect(await store.db.selectFrom("adoption_tip_campaign").selectAll().execute()).toEqual([]);
    expect((await send(directorate("Place"))).recipients).toBe(3);
  });

  it("refuses to find inactive people while the reports conceal names, saying which setting to change", async () => {
    await council({ Place: 3 });
    await someoneElseOn(store.db, addDays(today, -2));
    await concealedOn(store.db, addDays(today, -2));
    await expect(send(inactive("Place"))).rejects.toMatchObject({
      code: "already_decided",
      message: expect.stringMatching(/conceals user names.*admin centre/),
    });
  });

  it("refuses an audience with nobody in it", async () => {
    await council({ Place: 3 });
    await expect(send(directorate("Plaice"))).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("skips anyone sent any tip in the last ADOPTION_TIP_GAP_DAYS days and counts them", async () => {
    const staff = await council({ Place: 4, Resources: 2 });
    await send(directorate("Resources"));
    const first = await send(directorate("Place"), new Date(sentAt.getTime() + 3_600_000));
    expect(first.recipients).toBe(4);

    const nextDay = new Date(sentAt.getTime() + (gapDays - 1) * 86_400_000);
    await someoneElseOn(store.db, addDays(today, 1));
    const soon = await send(inactive(), nextDay, "team-files");
    expect(soon).toMatchObject({ recipients: 0, skipped_recent: 6, skipped_opted_out: 0, outbox_message_id: null });
    expect(await store.db.selectFrom("outbox_message").select("key").execute()).toHaveLength(2);

    const later = await send(directorate("Place"), new Date(sentAt.getTime() + gapDays * 86_400_000), "team-files");
    expect(await recipientsOf(later.id)).toEqual([...(staff.Place ?? [])].sort());
  });

  it("leaves out whoever opted out, counts them, and includes them again once they opt back in", async () => {
    const staff = await council({ Place: 4 });
    const [stopped, alsoStopped] = staff.Place ?? [];
    await optOutOfTips(store.db, stopped ?? "", sentAt);
    await optOutOfTips(store.db, stopped ?? "", sentAt);
    await optOutOfTips(store.db, alsoStopped ?? "", sentAt);
    const campaign = await send(directorate("Place"));
    expect(campaign).toMatchObject({ recipients: 2, skipped_opted_out: 2, skipped_recent: 0 });
    expect(await recipientsOf(campaign.id)).not.toContain(stopped);

    await optBackIntoTips(store.db, stopped ?? "");
    const again = await send(directorate("Place"), new Date(sentAt.getTime() + gapDays * 86_400_000));
    expect(again).toMatchObject({ recipients: 3, skipped_opted_out: 1 });
    expect(await recipientsOf(again.id)).toContain(stopped);
  });

  it("shows the Teams-active share of recipients before and after, once 28 days after sending have landed", async () => {
    const staff = await council({ Place: 10 });
    const place = staff.Place ?? [];
    // Before: 3 of 10 active in the 28 days before (one of them 28 days before, the window's first day).
    await personDay(store.db, place[0] ?? "", addDays(today, -28), true);
    await personDay(store.db, place[1] ?? "", addDays(today, -10), true);
    await personDay(store.db, place[2] ?? "", addDays(today, -2), true);
    await personDay(store.db, place[3] ?? "", addDays(today, -29), true);
    const campaign = await send(directorate("Place"));
    expect(campaign.before_active).toBe(3);

    // After: 6 of 10 active in the send day and the 27 days after it; a day later does not count.
    for (const [i, person] of place.slice(0, 6).entries())
      await personDay(store.db, person, addDays(today, i * 5), true);
    expect(await measureTipEffects(store.db, new Date(`${addDays(today, 27)}T01:00:00Z`))).toBe(0);
    let [listed] = await tipCampaigns(store.db, minGroupSize);
    expect(listed?.effect).toEqual({ before: 30, after: null, afterMeasuredAt: null, shown: true });

    await someoneElseOn(store.db, addDays(today, 27));
    await personDay(store.db, place[7] ?? "", addDays(today, 28), true);
    const measuredAt = new Date(`${addDays(today, 29)}T01:00:00Z`);
    expect(await measureTipEffects(store.db, measuredAt)).toBe(1);
    expect(await measureTipEffects(store.db, measuredAt)).toBe(0);
    [listed] = await tipCampaigns(store.db, minGroupSize);
    expect(listed).toMatchObject({
      tip: "email-to-chat",
      title: "Moving from email to Teams chat",
      audience: directorate("Place"),
      createdBy: "Ira ICT",
      recipients: 10,
      effect: { before: 30, after: 60, afterMeasuredAt: measuredAt.toISOString(), shown: true },
      delivery: { sent: 0, failed: 0, pending: 10 },
    });
  });

  it("withholds the effect of a tip sent to fewer than ADOPTION_MIN_GROUP_SIZE people", async () => {
    const staff = await council({ Place: 4 });
    await personDay(store.db, staff.Place?.[0] ?? "", addDays(today, -2), true);
    const campaign = await send(directorate("Place"));
    expect(campaign.before_active).toBe(1);
    const [listed] = await tipCampaigns(store.db, minGroupSize);
    expect(listed?.effect).toEqual({ before: null, after: null, afterMeasuredAt: null, shown: false });
  });

  it("records an effect that cannot be measured (names concealed after sending) as measured with no figure", async () => {
    await council({ Place: 10 });
    await send(directorate("Place"));
    await someoneElseOn(store.db, addDays(today, 27));
    await concealedOn(store.db, addDays(today, 5));
    expect(await measureTipEffects(store.db, new Date(`${addDays(today, 30)}T00:00:00Z`))).toBe(1);
    const [listed] = await tipCampaigns(store.db, minGroupSize);
    expect(listed?.effect).toMatchObject({ before: null, after: null, shown: true });
    expect(listed?.effect.afterMeasuredAt).not.toBeNull();
  });

  it("forgets who got a tip after a year, keeping the campaign's counts", async () => {
    await council({ Place: 3 });
    const campaign = await send(directorate("Place"));
    expect(await pruneTipRecipients(store.db, addDays(today, 365))).toBe(0);
    expect(await pruneTipRecipients(store.db, addDays(today, 366))).toBe(3);
    expect(await recipientsOf(campaign.id)).toEqual([]);
    const [listed] = await tipCampaigns(store.db, minGroupSize);
    expect(listed?.recipients).toBe(3);
  });
});
