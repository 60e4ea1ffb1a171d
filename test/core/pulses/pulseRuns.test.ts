import { randomUUID } from "node:crypto";
import { afterEach, expect, it } from "vitest";
import { answerPulse } from "../../../core/pulses/answers";
import { audienceSize, resolveAudience } from "../../../core/pulses/audience";
import { closeDueRuns, remindNow, sendDueReminders, startDueRuns } from "../../../core/pulses/pulseRuns";
import { cancelPulse, createPulse } from "../../../core/pulses/pulses";
import type { Db } from "../../../core/store/database";
import type { Store } from "../../../core/store/openStore";
import { describeOnEachEngine, openMigratedStore } from "../../support/storeEngines";
import { aDraft, addStaff } from "./pulseFixtures";

const ict = { aadObjectId: randomUUID(), name: "Ira ICT" };
const dayMs = 86_400_000;
const card = () => ({ text: "the pulse card" });

async function deliveriesOf(db: Db, key: string) {
  return db
    .selectFrom("outbox_delivery")
    .innerJoin("outbox_message", "outbox_message.id", "outbox_delivery.message_id")
    .select(["outbox_delivery.person_aad_id", "outbox_delivery.state"])
    .where("outbox_message.key", "=", key)
    .execute();
}

describeOnEachEngine("pulse audiences and runs", (engine) => {
  let store: Store;
  afterEach(() => store?.close());

  it("asks enabled accounts only, and only the directorates named", async () => {
    store = await openMigratedStore(engine);
    const staff = await addStaff(store.db, { "Adult Social Care": 3, Resources: 2 }, { disabled: 2 });
    const all = await resolveAudience(store.db, { kind: "all" }, "seed");
    expect(all.map((p) => p.aadObjectId).sort()).toEqual(
      [...(staff["Adult Social Care"] ?? []), ...(staff.Resources ?? [])].sort(),
    );
    const resources = await resolveAudience(store.db, { kind: "directorates", directorates: ["Resources"] }, "s");
    expect(resources).toEqual(
      expect.arrayContaining((staff.Resources ?? []).map((id) => ({ aadObjectId: id, directorate: "Resources" }))),
    );
    expect(resources).toHaveLength(2);
    expect(await audienceSize(store.db, { kind: "sample", size: 10 })).toBe(5);
  });

  it("draws the same random sample for the same run seed, and another for another seed", async () => {
    store = await openMigratedStore(engine);
    await addStaff(store.db, { Place: 40 });
    const ids = async (seed: string) =>
      (await resolveAudience(store.db, { kind: "sample", size: 10 }, seed)).map((p) => p.aadObjectId);
    const first = await ids("run-1");
    expect(first).toHaveLength(10);
    expect(await ids("run-1")).toEqual(first);
    expect(await ids("run-2")).not.toEqual(first);
  });

  it("asks the people whose ticket was resolved in the period, and nobody else", async () => {
    store = await openMigratedStore(engine);
    const staff = await addStaff(store.db, { Place: 3 });
    const [inside, outside, open] = staff.Place ?? [];
    const ticket = (requester: string | undefined, resolvedAt: Date | null) => ({
      requester_aad_id: requester ?? "",
      requester_conversation_id: "",
      subject: "Printer",
      transcript: "[]",
      source: "tab" as const,
      status: resolvedAt ? ("resolved" as const) : ("open" as const),
      resolved_at: resolvedAt,
    });
    await store.db
      .insertInto("ticket")
      .values([
        ticket(inside, new Date("2027-03-31T23:30:00Z")),
        ticket(outside, new Date("2027-04-01T00:00:00Z")),
        ticket(open, null),
      ])
      .execute();
    const asked = await resolveAudience(
      store.db,
      { kind: "resolvedTickets", from: "2027-03-01", to: "2027-03-31" },
      "",
    );
    expect(asked.map((p) => p.aadObjectId)).toEqual([inside]);
  });

  it("starts a due run once however many schedulers race, inviting everyone through the outbox in the same transaction", async () => {
    store = await openMigratedStore(engine);
    await addStaff(store.db, { Place: 6, Resources: 2 });
    const now = new Date("2027-03-01T09:00:00Z");
    const pulse = await createPulse(store.db, { draft: aDraft(), createdBy: ict, now });
    const started = await Promise.all([1, 2, 3].map(() => startDueRuns(store.db, now, card)));
    const runs = started.flat();
    expect(runs).toHaveLength(1);
    const run = runs[0];
    expect(run).toMatchObject({ pulse_id: pulse.id, run_no: 1, invited: 8, message_key: `pulse:${pulse.id}:run:1` });
    expect(run?.closes_at).toEqual(new Date(now.getTime() + 7 * dayMs));
    expect(await deliveriesOf(store.db, run?.message_key ?? "")).toHaveLength(8);
    const invitees = await store.db.selectFrom("pulse_invitee").selectAll().execute();
    expect(invitees).toHaveLength(8);
    const after = await store.db.selectFrom("pulse").selectAll().executeTakeFirstOrThrow();
    expect(after.next_run_at).toBeNull();
    expect(await startDueRuns(store.db, new Date(now.getTime() + dayMs), card)).toEqual([]);
  });

  it("reminds only those who have not answered, once, after the days set", async () => {
    store = await openMigratedStore(engine);
    const staff = await addStaff(store.db, { Place: 6 });
    const sent = new Date("2027-03-01T09:00:00Z");
    await createPulse(store.db, { draft: aDraft({ remindAfterDays: 3 }), createdBy: ict, now: sent });
    const [run] = await startDueRuns(store.db, sent, card);
    const [first, second] = staff.Place ?? [];
    for (const person of [first, second]) {
      const outcome = await answerPulse(store.db, {
        runId: run?.id ?? 0,
        aadObjectId: person ?? "",
        answer: { rating: 4, recommend: null, comment: null },
        now: sent,
      });
      expect(outcome.kind).toBe("answered");
    }
    expect(await sendDueReminders(store.db, new Date(sent.getTime() + 2 * dayMs), card)).toBe(0);
    const day3 = new Date(sent.getTime() + 3 * dayMs);
    expect(await sendDueReminders(store.db, day3, card)).toBe(4);
    expect(await sendDueReminders(store.db, day3, card)).toBe(0);
    const reminded = await deliveriesOf(store.db, `${run?.message_key}:reminder:auto`);
    expect(reminded.map((d) => d.person_aad_id).sort()).toEqual((staff.Place ?? []).slice(2).sort());
  });

  it("closes a run when its days are up, and a cancelled pulse at once, cancelling invitations not yet sent", async () => {
    store = await openMigratedStore(engine);
    await addStaff(store.db, { Place: 5 });
    const sent = new Date("2027-03-01T09:00:00Z");
    const once = await createPulse(store.db, { draft: aDraft(), createdBy: ict, now: sent });
    const [run] = await startDueRuns(store.db, sent, card);
    expect(await closeDueRuns(store.db, new Date(sent.getTime() + 6 * dayMs))).toEqual([]);
    expect(await closeDueRuns(store.db, new Date(sent.getTime() + 7 * dayMs))).toEqual([run?.id]);
    expect((await deliveriesOf(store.db, run?.message_key ?? "")).every((d) => d.state === "cancelled")).toBe(true);
    await expect(remindNow(store.db, once.id, new Date(sent.getTime() + 8 * dayMs), card)).rejects.toMatchObject({
      code: "already_decided",
    });

    const monthly = await createPulse(store.db, {
      draft: aDraft({ schedule: { kind: "monthly", startsAt: "2027-04-01T09:00:00Z" } }),
      createdBy: ict,
      now: sent,
    });
    const april = new Date("2027-04-01T09:00:00Z");
    const [aprilRun] = await startDueRuns(store.db, april, card);
    const later = new Date(april.getTime() + dayMs);
    const cancelled = await cancelPulse(store.db, monthly.id, later);
    expect(cancelled).toMatchObject({ next_run_at: null, cancelled_at: later });
    const closedRun = await store.db
      .selectFrom("pulse_run")
      .selectAll()
      .where("id", "=", aprilRun?.id ?? 0)
      .executeTakeFirstOrThrow();
    expect(closedRun.closed_at).toEqual(later);
    expect(await startDueRuns(store.db, new Date("2027-05-02T00:00:00Z"), card)).toEqual([]);
  });
});
