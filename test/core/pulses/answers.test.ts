import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterEach, expect, it } from "vitest";
import { answerPulse, mixAnswers, type PulseAnswer, runsToMix } from "../../../core/pulses/answers";
import { closeDueRuns, startDueRuns } from "../../../core/pulses/pulseRuns";
import { createPulse } from "../../../core/pulses/pulses";
import type { Db } from "../../../core/store/database";
import type { Store } from "../../../core/store/openStore";
import { describeOnEachEngine, openMigratedStore } from "../../support/storeEngines";
import { aDraft, addStaff } from "./pulseFixtures";

const ict = { aadObjectId: randomUUID(), name: "Ira ICT" };
const sent = new Date("2027-03-01T09:00:00Z");
const card = () => ({ text: "the pulse card" });
const answer = (overrides: Partial<PulseAnswer> = {}): PulseAnswer => ({
  rating: 4,
  recommend: 9,
  comment: null,
  ...overrides,
});

/** Every row of every table in the store, as JSON text, with its table. */
async function everyRow(db: Db): Promise<{ table: string; row: string }[]> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  const rows: { table: string; row: string }[] = [];
  for (const { table_name } of tables.rows) {
    const result = await sql<{ row: string }>`select to_jsonb(t)::text as row from ${sql.table(table_name)} t`.execute(
      db,
    );
    for (const r of result.rows) rows.push({ table: table_name, row: r.row });
  }
  return rows;
}

describeOnEachEngine("answering a pulse", (engine) => {
  let store: Store;
  afterEach(() => store?.close());

  async function openRun(draft = aDraft(), counts: Record<string, number> = { Place: 6, Resources: 2 }) {
    store = await openMigratedStore(engine);
    const staff = await addStaff(store.db, counts);
    await createPulse(store.db, { draft, createdBy: ict, now: sent });
    const [run] = await startDueRuns(store.db, sent, card);
    if (!run) throw new Error("no run started");
    return { staff, run };
  }

  it("refuses a second answer from the same person, in SQL, and keeps the first", async () => {
    const { staff, run } = await openRun();
    const person = staff.Place?.[0] ?? "";
    const first = await answerPulse(store.db, { runId: run.id, aadObjectId: person, answer: answer(), now: sent });
    const [second, third] = await Promise.all(
      [1, 2].map(() =>
        answerPulse(store.db, { runId: run.id, aadObjectId: person, answer: answer({ rating: 1 }), now: sent }),
      ),
    );
    expect([first.kind, second?.kind, third?.kind]).toEqual(["answered", "duplicate", "duplicate"]);
    const answers = await store.db.selectFrom("pulse_answer").select("rating").execute();
    expect(answers).toEqual([{ rating: 4 }]);
    await expect(
      store.db.insertInto("pulse_respondent").values({ run_id: run.id, aad_object_id: person }).execute(),
    ).rejects.toThrow(/duplicate key|unique/);
  });

  it("refuses answers once the run has closed, and from people it did not ask", async () => {
    const { staff, run } = await openRun();
    const outsider = await answerPulse(store.db, {
      runId: run.id,
      aadObjectId: randomUUID(),
      answer: answer(),
      now: sent,
    });
    expect(outsider.kind).toBe("notInvited");
    const closing = new Date(run.closes_at.getTime());
    await closeDueRuns(store.db, closing);
    const late = await answerPulse(store.db, {
      runId: run.id,
      aadObjectId: staff.Place?.[1] ?? "",
      answer: answer(),
      now: closing,
    });
    expect(late.kind).toBe("closed");
    expect(await store.db.selectFrom("pulse_answer").selectAll().execute()).toEqual([]);
    expect(await store.db.selectFrom("pulse_respondent").selectAll().execute()).toEqual([]);
  });

  it("keeps an anonymous answer where no row of any table links it to the person who gave it", async () => {
    const { staff, run } = await openRun();
    const person = staff.Place?.[0] ?? "";
    const comment = `The new laptops are great ${randomUUID()}`;
    const twoDaysLater = new Date(sent.getTime() + 2 * 86_400_000);
    await answerPulse(store.db, { runId: run.id, aadObjectId: person, answer: answer({ comment }), now: twoDaysLater });
    await mixAnswers(store.db, run.id);

    const stored = await store.db.selectFrom("pulse_answer").selectAll().executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ aad_object_id: null, comment, rating: 4 });
    // Its day is the run's first, not the day it was given.
    const day = await sql<{ day: string }>`select answered_on::text as day from pulse_answer`.execute(store.db);
    expect(day.rows).toEqual([{ day: "2027-03-01" }]);
    const rows = await everyRow(store.db);
    const withPerson = rows.filter((r) => r.row.includes(person));
    const withAnswer = rows.filter((r) => r.row.includes(stored.id) || r.row.includes(comment));
    expect(withAnswer.map((r) => r.table)).toEqual(["pulse_answer"]);
    expect(withPerson.some((r) => r.row.includes(stored.id) || r.row.includes(comment))).toBe(false);
    expect(new Set(withPerson.map((r) => r.table))).toEqual(
      new Set(["directory_user", "pulse_invitee", "pulse_respondent", "outbox_delivery"]),
    );
    // The only time an answer keeps is its day: no column of pulse_answer holds a finer time.
    const columns = await sql<{ column_name: string; data_type: string }>`
      select column_name, data_type from information_schema.columns where table_name = 'pulse_answer'`.execute(
      store.db,
    );
    expect(columns.rows.filter((c) => /time/.test(c.data_type))).toEqual([]);
  });

  it("writes anonymous answers in the respondent's transaction, then rewrites them all together in shuffled order", async () => {
    const { staff, run } = await openRun(aDraft(), { Place: 12 });
    const people = staff.Place ?? [];
    for (const [i, person] of people.entries()) {
      await answerPulse(store.db, {
        runId: run.id,
        aadObjectId: person,
        answer: answer({ comment: `answer ${i}` }),
        now: sent,
      });
    }
    const stamps = async (table: "pulse_answer" | "pulse_respondent") =>
      (await sql<{ xmin: string }>`select xmin::text as xmin from ${sql.table(table)}`.execute(store.db)).rows.map(
        (r) => r.xmin,
      );
    // Before mixing, each answer carries its respondent's transaction: this is the link mixing removes.
    expect(new Set(await stamps("pulse_answer"))).toEqual(new Set(await stamps("pulse_respondent")));
    expect(await runsToMix(store.db)).toEqual([run.id]);

    expect(await mixAnswers(store.db, run.id)).toBe(12);
    const answerStamps = new Set(await stamps("pulse_answer"));
    expect(answerStamps.size).toBe(1);
    expect((await stamps("pulse_respondent")).some((s) => answerStamps.has(s))).toBe(false);
    const order = (await sql<{ comment: string }>`select comment from pulse_answer`.execute(store.db)).rows;
    expect(order.map((r) => r.comment)).not.toEqual(people.map((_, i) => `answer ${i}`));
    expect(await runsToMix(store.db)).toEqual([]);
  });

  it("names the person on an answer to a pulse that is not anonymous", async () => {
    const { staff, run } = await openRun(aDraft({ anonymous: false }));
    const person = staff.Place?.[0] ?? "";
    await answerPulse(store.db, { runId: run.id, aadObjectId: person, answer: answer(), now: sent });
    expect(await store.db.selectFrom("pulse_answer").select(["aad_object_id", "mixed"]).execute()).toEqual([
      { aad_object_id: person, mixed: true },
    ]);
  });

  it("drops the directorate from anonymous answers of directorates under the threshold when the run closes", async () => {
    const { staff, run } = await openRun(aDraft(), { Place: 6, Resources: 2 });
    for (const person of [...(staff.Place ?? []), ...(staff.Resources ?? []).slice(0, 1)]) {
      await answerPulse(store.db, { runId: run.id, aadObjectId: person, answer: answer(), now: sent });
    }
    await closeDueRuns(store.db, run.closes_at);
    const byDirectorate = await store.db
      .selectFrom("pulse_answer")
      .select(["directorate", (eb) => eb.fn.countAll<string>().as("n")])
      .groupBy("directorate")
      .orderBy("directorate")
      .execute();
    expect(byDirectorate.map((r) => [r.directorate, Number(r.n)])).toEqual([
      ["Place", 6],
      [null, 1],
    ]);
  });
});
