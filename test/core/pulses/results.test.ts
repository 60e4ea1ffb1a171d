import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { answerPulse } from "../../../core/pulses/answers";
import type { PulseDraft } from "../../../core/pulses/pulseDraft";
import { startDueRuns } from "../../../core/pulses/pulseRuns";
import { createPulse, runsOf } from "../../../core/pulses/pulses";
import { type GroupFigures, runResults, suppressDirectorates } from "../../../core/pulses/results";
import type { Store } from "../../../core/store/openStore";
import { describeOnEachEngine, openMigratedStore } from "../../support/storeEngines";
import { aDraft, addStaff } from "./pulseFixtures";

const ict = { aadObjectId: randomUUID(), name: "Ira ICT" };
const sent = new Date("2027-03-01T09:00:00Z");
const group = (directorate: string, responded: number, mean = 4): GroupFigures => ({
  directorate,
  responded,
  mean,
  satisfiedShare: 0.5,
});

describe("hiding small directorates", () => {
  it("hides a directorate under the threshold, and the smallest shown one with it so neither can be worked out", () => {
    const result = suppressDirectorates([group("Place", 9), group("Resources", 6), group("Legal", 2)], 5);
    expect(result.map((r) => [r.directorate, r.suppressed, r.responded])).toEqual([
      ["Legal", true, null],
      ["Place", false, 9],
      ["Resources", true, null],
    ]);
  });

  it("hides another when the hidden ones together are fewer than the threshold, and all when none is shown", () => {
    // Shown, A's 9 would leave the total's other 3 answers (B and C together) to be worked out.
    const tooFew = suppressDirectorates([group("A", 9), group("B", 2), group("C", 1)], 5);
    expect(tooFew.filter((r) => r.suppressed).map((r) => r.directorate)).toEqual(["A", "B", "C"]);
    const enough = suppressDirectorates([group("A", 9), group("D", 8), group("B", 3), group("C", 3)], 5);
    expect(enough.filter((r) => r.suppressed).map((r) => r.directorate)).toEqual(["B", "C"]);
    const none = suppressDirectorates([group("A", 3)], 5);
    expect(none).toEqual([{ directorate: "A", responded: null, mean: null, satisfiedShare: null, suppressed: true }]);
  });
});

describeOnEachEngine("pulse results", (engine) => {
  let store: Store;
  afterEach(() => store?.close());

  /** A run where each directorate gave these ratings (one person per rating). */
  async function answeredRun(ratings: Record<string, number[]>, draft: Partial<PulseDraft> = {}) {
    store = await openMigratedStore(engine);
    const staff = await addStaff(
      store.db,
      Object.fromEntries(Object.entries(ratings).map(([d, r]) => [d, r.length + 1])),
    );
    const pulse = await createPulse(store.db, { draft: aDraft(draft), createdBy: ict, now: sent });
    const [run] = await startDueRuns(store.db, sent, () => ({ text: "card" }));
    for (const [directorate, list] of Object.entries(ratings)) {
      for (const [i, rating] of list.entries()) {
        await answerPulse(store.db, {
          runId: run?.id ?? 0,
          aadObjectId: staff[directorate]?.[i] ?? "",
          answer: { rating, recommend: rating * 2, comment: `comment ${directorate} ${i}` },
          now: sent,
        });
      }
    }
    const [withCount] = await runsOf(store.db, [pulse.id]);
    if (!withCount) throw new Error("no run");
    return runResults(store.db, pulse, withCount, sent);
  }

  it("shows nothing but the response rate while fewer than the threshold have answered", async () => {
    const results = await answeredRun({ Place: [5, 4, 4, 3] });
    expect(results).toMatchObject({
      invited: 5,
      responded: 4,
      responseRate: 0.8,
      shown: false,
      distribution: null,
      mean: null,
      satisfiedShare: null,
      recommend: null,
      comments: { shown: false, items: [] },
    });
    expect(results.byDirectorate.every((d) => d.suppressed)).toBe(true);
  });

  it("cannot be made to give away a hidden directorate by subtracting the shown ones from the total", async () => {
    const results = await answeredRun({ Place: [5, 5, 5, 5, 5, 5], Resources: [3, 3, 3, 3, 3, 3, 3], Legal: [1, 1] });
    expect(results.shown).toBe(true);
    const total = (results.distribution ?? []).reduce((a, b) => a + b, 0);
    const totalSum = (results.distribution ?? []).reduce((sum, n, i) => sum + n * (i + 1), 0);
    const shown = results.byDirectorate.filter((d) => !d.suppressed);
    const hidden = results.byDirectorate.filter((d) => d.suppressed);
    // What an attacker gets from the total less the shown groups...
    const leftOver = total - shown.reduce((n, d) => n + (d.responded ?? 0), 0);
    const leftOverMean =
      (totalSum - shown.reduce((s, d) => s + (d.responded ?? 0) * (d.mean ?? 0), 0)) / Math.max(leftOver, 1);
    // ...is never one directorate on its own: Legal's 2 people averaging 1 stay mixed with Place.
    expect(hidden.map((d) => d.directorate)).toEqual(["Legal", "Place"]);
    expect(leftOver).toBe(8);
    expect(leftOverMean).not.toBe(1);
    expect(shown).toEqual([{ directorate: "Resources", responded: 7, mean: 3, satisfiedShare: 0, suppressed: false }]);
  });

  it("gives the distribution, mean, share satisfied and net promoter score once the threshold is met", async () => {
    const results = await answeredRun({ Place: [5, 5, 4, 2, 1] });
    expect(results).toMatchObject({
      shown: true,
      distribution: [1, 1, 0, 1, 2],
      mean: 3.4,
      satisfiedShare: 0.6,
      // recommend = rating × 2: 10, 10, 8, 4, 2 → 2 promoters, 2 detractors of 5.
      recommend: { responses: 5, netPromoterScore: 0 },
    });
  });

  it("shows comments only from ten answers, and never under the threshold", async () => {
    const nine = await answeredRun({ Place: [4, 4, 4, 4, 4, 4, 4, 4, 4] });
    expect(nine.comments).toEqual({ shown: false, items: [] });
    await store.close();
    const ten = await answeredRun({ Place: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4] });
    expect(ten.comments.shown).toBe(true);
    expect(ten.comments.items).toHaveLength(10);
    await store.close();
    const underThreshold = await answeredRun({ Place: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4] }, { threshold: 12 });
    expect(underThreshold.comments).toEqual({ shown: false, items: [] });
  });
});
