import { afterEach, expect, it } from "vitest";
import type { AdoptionFigures, AdoptionOverview } from "../../../core/adoption/adoptionApi";
import { adoptionOverview, adoptionTrend, overviewCsv, trendCsv } from "../../../core/adoption/adoptionView";
import { addChampion } from "../../../core/adoption/champions";
import { setTarget } from "../../../core/adoption/targets";
import { t } from "../../../core/messages/catalogue";
import type { Store } from "../../../core/store/openStore";
import { type AdoptionCouncilOptions, seedAdoptionCouncil } from "../../support/adoptionFactories";
import { describeOnEachEngine, openMigratedStore } from "../../support/storeEngines";

/** The data ends on a Wednesday: the newest week is under way, March has 24 of its 31 days. */
const lastDay = "2027-03-24";
const today = "2027-03-25";

/**
 * Every number of people an onlooker can work out from the published staff
 * counts: a shown group less any selection of its shown children.
 */
function subtractions(o: AdoptionOverview): number[] {
  const found: number[] = [];
  const tryParent = (parent: AdoptionFigures | null, children: { figures: AdoptionFigures | null }[]) => {
    if (!parent) return;
    const shown = children.flatMap((c) => (c.figures ? [c.figures.staff] : []));
    for (let mask = 1; mask < 1 << shown.length; mask++) {
      found.push(parent.staff - shown.reduce((sum, staff, i) => (mask & (1 << i) ? sum + staff : sum), 0));
    }
  };
  tryParent(o.council, o.directorates);
  for (const d of o.directorates) tryParent(d.figures, d.services);
  return found;
}

describeOnEachEngine("the adoption overview", (engine) => {
  let store: Store;
  afterEach(() => store?.close());

  async function council(options: AdoptionCouncilOptions = {}) {
    store = await openMigratedStore(engine);
    return seedAdoptionCouncil(store.db, { lastDay, ...options });
  }

  it("shows the newest week unless told otherwise, and lists every week with data, newest first", async () => {
    const generated = await council({ weeks: 6, days: true });
    const o = await adoptionOverview(store.db, { period: "week", threshold: 10, today });
    expect(o).toMatchObject({
      period: "week",
      start: "2027-03-22",
      end: "2027-03-28",
      threshold: 10,
      latestDay: lastDay,
    });
    expect(Date.parse(o.computedAt ?? "")).not.toBeNaN();
    expect(o.periods.map((p) => p.start)).toEqual([...generated.weekStarts].reverse());
    expect(o.periods[0]).toEqual({ start: "2027-03-22", end: "2027-03-28", daysCovered: 3 });
    expect(o.council).toMatchObject({ staff: 400, daysCovered: 3, daysInPeriod: 7 });

    const earlier = await adoptionOverview(store.db, { period: "week", start: "2027-03-08", threshold: 10, today });
    expect(earlier).toMatchObject({ start: "2027-03-08", end: "2027-03-14" });
    expect(earlier.council?.daysCovered).toBe(7);
  });

  it("shows a calendar month, with how many of its days have data", async () => {
    // Ten weeks from Monday 18 January: January has 14 days of data.
    await council({ weeks: 10 });
    const o = await adoptionOverview(store.db, { period: "month", threshold: 10, today });
    expect(o).toMatchObject({ start: "2027-03-01", end: "2027-03-31" });
    expect(o.council).toMatchObject({ daysCovered: 24, daysInPeriod: 31 });
    expect(o.periods.map((p) => [p.start, p.daysCovered])).toEqual([
      ["2027-03-01", 24],
      ["2027-02-01", 28],
      ["2027-01-01", 14],
    ]);
    expect(o.latestDay).toBeNull();
    expect(o.computedAt).toBeNull();
  });

  it("gives every directorate and service with its figures, in name order", async () => {
    const generated = await council({ weeks: 4 });
    const o = await adoptionOverview(store.db, { period: "week", threshold: 10, today });
    expect(o.directorates.map((d) => d.directorate)).toEqual([
      "Adults and Health",
      "Chief Executive's Office",
      "Children's Services",
      "Place",
      "Resources",
    ]);
    const adults = o.directorates[0];
    expect(adults?.figures?.staff).toBe(generated.directorates.find((d) => d.name === "Adults and Health")?.staff);
    expect(adults?.services.map((s) => [s.service, s.figures?.staff])).toEqual([
      ["Adult Social Care", 70],
      ["Commissioning", 22],
      ["Public Health", 22],
    ]);
    expect(o.concealment).toEqual({ concealed: false, advice: null });
  });

  it("withholds every figure of a group under the threshold, and of a second group where subtraction would give it away", async () => {
    const generated = await council({ weeks: 4 });
    const o = await adoptionOverview(store.db, { period: "week", threshold: 10, today });
    const named = (name: string) => o.directorates.find((d) => d.directorate === name);
    // 7 people: hidden, but mixed with the 10 people in no directorate, so nothing more is needed.
    expect(named(generated.smallDirectorate)).toMatchObject({ figures: null, suppressed: true, services: [] });
    expect(o.directorates.filter((d) => d.suppressed)).toHaveLength(1);
    // The Coroner's Office (4 people) is hidden, and so is one more Place service to hide it among.
    const place = named("Place");
    expect(place?.services.find((s) => s.service === "Coroner's Office")).toEqual({
      service: "Coroner's Office",
      figures: null,
      suppressed: true,
    });
    expect(place?.services.filter((s) => s.suppressed)).toHaveLength(2);
    // Resources has 2 people in no service: a service is hidden so that they cannot be worked out.
    expect(named("Resources")?.services.filter((s) => s.suppressed)).toHaveLength(1);
    expect(named("Adults and Health")?.services.every((s) => !s.suppressed)).toBe(true);
  });

  it("cannot be made to give away a group, or hidden groups together, under the threshold by subtraction", async () => {
    for (const [staff, seed] of [
      [400, 1],
      [150, 2],
      [90, 3],
    ] as const) {
      await store?.close();
      const generated = await council({ staff, seed, weeks: 5 });
      for (const period of ["week", "month"] as const) {
        const starts = period === "week" ? generated.weekStarts : generated.monthStarts;
        for (const start of starts) {
          for (const threshold of [5, 10, 15, 25]) {
            const o = await adoptionOverview(store.db, { period, start, threshold, today });
            // Every shown figure is of a group of at least the threshold...
            const shown = [
              o.council,
              ...o.directorates.flatMap((d) => [d.figures, ...d.services.map((s) => s.figures)]),
            ];
            for (const figures of shown) if (figures) expect(figures.staff).toBeGreaterThanOrEqual(threshold);
            // ...and so is everything subtraction works out: no hidden group, alone or with others, under it.
            for (const people of subtractions(o)) expect(people === 0 || people >= threshold).toBe(true);
          }
        }
      }
    }
  });

  it("shows only the council's figures, and names the setting to change, when the reports conceal names", async () => {
    await council({ weeks: 4, concealedFrom: "2027-03-20" });
    const o = await adoptionOverview(store.db, { period: "week", threshold: 10, today });
    expect(o.concealment.concealed).toBe(true);
    expect(o.concealment.advice).toBe(t("adoption.concealment.advice"));
    expect(o.concealment.advice).toContain("Display concealed user, group, and site names in all reports");
    expect(o.concealment.advice).toContain("Settings > Org settings > Services > Reports");
    expect(o.council?.staff).toBe(400);
    expect(o.directorates).toEqual([]);
    // The weeks before concealment still have their directorates.
    const before = await adoptionOverview(store.db, { period: "week", start: "2027-03-08", threshold: 10, today });
    expect(before.concealment.concealed).toBe(false);
    expect(before.directorates).toHaveLength(5);
  });

  it("fills in each directorate's champions and targets", async () => {
    const generated = await council({ weeks: 8, directory: true });
    const championId = generated.userIds.get("Place")?.[0] ?? "";
    await addChampion(store.db, "Place", championId, "ict@council.example");
    await setTarget(
      store.db,
      { directorate: "Place", measure: "teamsActive", targetPercent: 95, due: "2027-12-31" },
      "ict@council.example",
      today,
    );
    const o = await adoptionOverview(store.db, { period: "week", threshold: 10, today });
    const place = o.directorates.find((d) => d.directorate === "Place");
    expect(place?.champions.map((c) => c.userId)).toEqual([championId]);
    expect(place?.targets).toMatchObject([{ directorate: "Place", measure: "teamsActive", targetPercent: 95 }]);
    expect(o.directorates.find((d) => d.directorate === "Resources")).toMatchObject({ champions: [], targets: [] });
  });

  it("has nothing to show before the first figures arrive", async () => {
    store = await openMigratedStore(engine);
    const o = await adoptionOverview(store.db, { period: "week", threshold: 10, today });
    expect(o).toMatchObject({ start: "2027-03-22", periods: [], council: null, directorates: [], latestDay: null });
  });

  it("exports the overview as CSV: a line per group, withheld groups with a note and no figures", async () => {
    await council({ weeks: 4 });
    const o = await adoptionOverview(store.db, { period: "week", threshold: 10, today });
    const lines = overviewCsv(o)
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    const services = o.directorates.reduce((n, d) => n + d.services.length, 0);
    expect(lines).toHaveLength(1 + 1 + o.directorates.length + services);
    expect(lines[0]).toMatch(/^Level,Directorate,Service,Period start,Period end,Staff,Days with data,/);
    expect(lines[0]).toContain("Active in Teams (%)");
    expect(lines[0]).toContain("Communication score");
    expect(lines[1]).toMatch(/^Council,Whole council,,2027-03-22,2027-03-28,400,3,7,/);
    const coroner = lines.find((l) => l.includes("Coroner's Office")) ?? "";
    expect(coroner).toMatch(/^Service,Place,Coroner's Office,2027-03-22,2027-03-28,,,,/);
    expect(coroner.endsWith(t("adoption.withheld"))).toBe(true);
    expect(
      coroner
        .split(",")
        .slice(5, -1)
        .every((field) => field === ""),
    ).toBe(true);
  });
});

describeOnEachEngine("adoption trends", (engine) => {
  let store: Store;
  afterEach(() => store?.close());

  async function council(options: AdoptionCouncilOptions = {}) {
    store = await openMigratedStore(engine);
    return seedAdoptionCouncil(store.db, { lastDay, weeks: 26, ...options });
  }

  it("gives the council's measure for every week kept, oldest first, rising over the programme", async () => {
    const generated = await council();
    const trend = await adoptionTrend(store.db, {
      period: "week",
      measure: "teamsActive",
      directorate: null,
      threshold: 10,
    });
    expect(trend).toMatchObject({ period: "week", measure: "teamsActive", directorate: null });
    expect(trend.points.map((p) => p.start)).toEqual(generated.weekStarts);
    expect(trend.points.at(-1)).toMatchObject({ start: "2027-03-22", end: "2027-03-28", daysCovered: 3 });
    const first = trend.points.slice(0, 4).map((p) => p.value ?? 0);
    const last = trend.points.slice(-5, -1).map((p) => p.value ?? 0);
    expect(Math.min(...last)).toBeGreaterThan(Math.max(...first));
  });

  it("shows the dip over Christmas", async () => {
    await council();
    const trend = await adoptionTrend(store.db, {
      period: "week",
      measure: "overall",
      directorate: null,
      threshold: 10,
    });
    const at = (start: string) => trend.points.find((p) => p.start === start)?.value ?? 0;
    expect(at("2026-12-21")).toBeLessThan(at("2026-12-07"));
    expect(at("2026-12-21")).toBeLessThan(at("2027-01-11"));
  });

  it("shows the directorate that moved early ahead of the one lagging, every week", async () => {
    await council();
    const of = (directorate: string) =>
      adoptionTrend(store.db, { period: "week", measure: "communication", directorate, threshold: 10 });
    const early = await of("Place");
    const lagging = await of("Children's Services");
    expect(early.points.every((p, i) => (p.value ?? 0) > (lagging.points[i]?.value ?? 100))).toBe(true);
  });

  it("never gives a value for a period in which the directorate was hidden, or names were concealed", async () => {
    await council({ concealedFrom: "2027-03-01" });
    const small = await adoptionTrend(store.db, {
      period: "week",
      measure: "teamsActive",
      directorate: "Chief Executive's Office",
      threshold: 10,
    });
    expect(small.points.every((p) => p.value === null)).toBe(true);
    const place = await adoptionTrend(store.db, {
      period: "month",
      measure: "teamsActive",
      directorate: "Place",
      threshold: 10,
    });
    expect(place.points.map((p) => [p.start, p.value === null])).toEqual([
      ["2026-09-01", false],
      ["2026-10-01", false],
      ["2026-11-01", false],
      ["2026-12-01", false],
      ["2027-01-01", false],
      ["2027-02-01", false],
      ["2027-03-01", true],
    ]);
    const wholeCouncil = await adoptionTrend(store.db, {
      period: "month",
      measure: "teamsActive",
      directorate: null,
      threshold: 10,
    });
    expect(wholeCouncil.points.every((p) => p.value !== null)).toBe(true);
  });

  it("exports a trend as CSV, a line per period", async () => {
    await council({ weeks: 3 });
    const trend = await adoptionTrend(store.db, {
      period: "week",
      measure: "mobility",
      directorate: "Place",
      threshold: 10,
    });
    const lines = trendCsv(trend)
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("Group,Period start,Period end,Days with data,Mobility score (%)");
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 4).join(","))).toEqual([
      "Place,2027-03-08,2027-03-14,7",
      "Place,2027-03-15,2027-03-21,7",
      "Place,2027-03-22,2027-03-28,3",
    ]);
    expect(lines[1]?.split(",")[4]).toBe(String(trend.points[0]?.value));
  });
});
