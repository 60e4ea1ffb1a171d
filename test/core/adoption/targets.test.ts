import { afterEach, describe, expect, it } from "vitest";
import type { TargetProgress } from "../../../core/adoption/adoptionApi";
import { adoptionOverview } from "../../../core/adoption/adoptionView";
import {
  furthestBehind,
  removeTarget,
  setTarget,
  type TargetInput,
  targetProgress,
} from "../../../core/adoption/targets";
import { isAppError } from "../../../core/errors";
import { t } from "../../../core/messages/catalogue";
import type { Store } from "../../../core/store/openStore";
import { seedAdoptionCouncil } from "../../support/adoptionFactories";
import { describeOnEachEngine, openMigratedStore } from "../../support/storeEngines";

/** 26 weeks ending Wednesday 24 March 2027: February is the latest complete month. */
const lastDay = "2027-03-24";
const today = "2027-03-25";
const ict = "ict.lead@council.example";

const aTarget = (overrides: Partial<TargetInput> = {}): TargetInput => ({
  directorate: "Place",
  measure: "teamsActive",
  targetPercent: 90,
  due: "2027-12-31",
  ...overrides,
});

describeOnEachEngine("adoption targets", (engine) => {
  let store: Store;
  afterEach(() => store?.close());

  async function council() {
    store = await openMigratedStore(engine);
    return seedAdoptionCouncil(store.db, { lastDay, weeks: 26, directory: true });
  }

  async function refusal(input: TargetInput, on = today): Promise<string> {
    try {
      await setTarget(store.db, input, ict, on);
    } catch (error) {
      if (isAppError(error, "invalid_input")) return error.message;
      throw error;
    }
    throw new Error("the target was accepted");
  }

  it("refuses a target that is not a known directorate, measure, percentage and future date", async () => {
    await council();
    expect(await refusal(aTarget({ directorate: "Ministry of Magic" }))).toBe(t("adoption.target.error.directorate"));
    expect(await refusal(aTarget({ measure: "happiness" as TargetInput["measure"] }))).toBe(
      t("adoption.target.error.measure"),
    );
    expect(await refusal(aTarget({ targetPercent: 0 }))).toBe(t("adoption.target.error.percent"));
    expect(await refusal(aTarget({ targetPercent: 100.5 }))).toBe(t("adoption.target.error.percent"));
    expect(await refusal(aTarget({ due: "2027-02-30" }))).toBe(t("adoption.target.error.due"));
    expect(await refusal(aTarget({ due: "31/12/2027" }))).toBe(t("adoption.target.error.due"));
    expect(await refusal(aTarget({ due: "2027-03-24" }))).toBe(t("adoption.target.error.duePast"));
    expect(await targetProgress(store.db, 10, today)).toEqual([]);
  });

  it("keeps one target per directorate and measure: setting it again replaces it", async () => {
    await council();
    const first = await setTarget(store.db, aTarget({ due: "2027-03-25" }), ict, today);
    const again = await setTarget(store.db, aTarget({ targetPercent: 95 }), "someone.else@council.example", today);
    expect(again).toBe(first);
    const [only, ...rest] = await targetProgress(store.db, 10, today);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      id: first,
      targetPercent: 95,
      due: "2027-12-31",
      setBy: "someone.else@council.example",
    });
  });

  it("removes a target, and says so when there is none to remove", async () => {
    await council();
    const id = await setTarget(store.db, aTarget(), ict, today);
    await removeTarget(store.db, id);
    expect(await targetProgress(store.db, 10, today)).toEqual([]);
    await expect(removeTarget(store.db, id)).rejects.toSatisfy((e) => isAppError(e, "not_found"));
  });

  it("measures progress from the latest complete month, as the overview shows it", async () => {
    await council();
    await setTarget(store.db, aTarget({ targetPercent: 99 }), ict, today);
    const february = await adoptionOverview(store.db, { period: "month", start: "2027-02-01", threshold: 10, today });
    const place = february.directorates.find((d) => d.directorate === "Place")?.figures?.shares.teamsActive ?? -1;
    const [progress] = await targetProgress(store.db, 10, today);
    expect(progress?.current).toBe(place);
    expect(progress?.gap).toBe(Math.round((99 - place) * 10) / 10);
  });

  it("says whether each directorate has met its target, is on track for it, or is behind", async () => {
    await council();
    const set = (input: Partial<TargetInput>) => setTarget(store.db, aTarget(input), ict, today);
    // Place moved early; Children's Services lag; Adults and Health are gaining fast.
    await set({ directorate: "Place", measure: "teamsActive", targetPercent: 60, due: "2027-06-30" });
    await set({ directorate: "Children's Services", measure: "teamsActive", targetPercent: 90, due: "2027-06-30" });
    await set({ directorate: "Adults and Health", measure: "teamsActive", targetPercent: 80, due: "2028-03-31" });
    const byDirectorate = Object.fromEntries(
      (await targetProgress(store.db, 10, today)).map((p) => [p.directorate, p]),
    );
    expect(byDirectorate.Place).toMatchObject({ status: "met", gap: 0 });
    const lagging = byDirectorate["Children's Services"];
    expect(lagging?.status).toBe("behind");
    expect(lagging?.projected).toBeLessThan(90);
    expect(lagging?.gap).toBeGreaterThan(40);
    const gaining = byDirectorate["Adults and Health"];
    expect(gaining?.status).toBe("on-track");
    expect(gaining?.current).toBeLessThan(80);
    expect(gaining?.projected).toBeGreaterThanOrEqual(80);
  });

  it("gives no value for a directorate too small to show, so its progress is unknown", async () => {
    await council();
    await setTarget(store.db, aTarget({ directorate: "Chief Executive's Office" }), ict, today);
    const [progress] = await targetProgress(store.db, 10, today);
    expect(progress).toMatchObject({ current: null, gap: null, projected: null, status: "unknown" });
  });

  it("projects nothing from fewer than four complete weeks", async () => {
    await council();
    await setTarget(store.db, aTarget({ targetPercent: 99 }), ict, today);
    await store.db
      .deleteFrom("adoption_group_period")
      .where("period", "=", "week")
      .where("start", "<", "2027-03-01")
      .execute();
    const [progress] = await targetProgress(store.db, 10, today);
    expect(progress?.current).not.toBeNull();
    expect(progress).toMatchObject({ projected: null, status: "unknown" });
  });

  it("counts a target not met by its due date as behind", async () => {
    await council();
    await setTarget(store.db, aTarget({ targetPercent: 99, due: "2027-04-30" }), ict, today);
    const [progress] = await targetProgress(store.db, 10, "2027-05-01");
    expect(progress?.status).toBe("behind");
  });
});

describe("the directorates furthest behind", () => {
  const progress = (directorate: string, status: TargetProgress["status"], gap: number | null): TargetProgress => ({
    id: 1,
    directorate,
    measure: "teamsActive",
    targetPercent: 90,
    due: "2027-12-31",
    current: gap === null ? null : 90 - gap,
    gap,
    projected: null,
    status,
    setBy: "ict",
    setAt: "2027-03-01T09:00:00.000Z",
  });

  it("lists those behind first, the biggest gap first, then on track, unknown and met", () => {
    const sorted = furthestBehind([
      progress("Met", "met", 0),
      progress("Slightly behind", "behind", 5),
      progress("Unknown", "unknown", null),
      progress("On track", "on-track", 30),
      progress("Far behind", "behind", 40),
    ]);
    expect(sorted.map((p) => p.directorate)).toEqual(["Far behind", "Slightly behind", "On track", "Unknown", "Met"]);
  });
});
