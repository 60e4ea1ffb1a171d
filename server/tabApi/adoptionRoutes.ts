import { Router } from "express";
import { z } from "zod";
import { adoptionMeasures } from "../../core/adoption/adoptionApi";
import { adoptionOverview, adoptionTrend, overviewCsv, trendCsv } from "../../core/adoption/adoptionView";
import { addChampion, championsByDirectorate, removeChampion } from "../../core/adoption/champions";
import { furthestBehind, removeTarget, setTarget, targetInput, targetProgress } from "../../core/adoption/targets";
import { searchPeople } from "./peopleSearch";
import type { TabApiDeps } from "./tabApiDeps";
import { callerOf, requireRole } from "./tabAuth";
import { parseInput, sendAppError } from "./tabErrors";

const day = z.iso.date({ error: "expects a date as YYYY-MM-DD" });
const period = z.enum(["week", "month"], { error: 'expects "week" or "month"' }).default("month");
const directorate = z
  .string({ error: "expects a directorate's name as the directory spells it" })
  .trim()
  .min(1, { error: "expects a directorate's name as the directory spells it" })
  .max(200, { error: "at most 200 characters" });

/** A period is named by its first day: a Monday for a week, the 1st for a month. */
const overviewQuery = z
  .object({ period, start: day.optional() })
  .refine(
    (q) =>
      q.start === undefined ||
      (q.period === "week" ? new Date(`${q.start}T00:00:00Z`).getUTCDay() === 1 : q.start.endsWith("-01")),
    { path: ["start"], error: "expects the period's first day: a Monday for a week, the 1st for a month" },
  );
const trendQuery = z.object({
  period,
  measure: z.enum(adoptionMeasures, { error: `expects one of ${adoptionMeasures.join(", ")}` }).default("teamsActive"),
  directorate: directorate.optional(),
});
const targetId = z.object({ id: z.coerce.number().int().positive({ error: "id: expects a target number" }) });
const champion = z.object({
  directorate,
  userId: z.string({ error: "expects the person's directory id" }).trim().min(1).max(100),
});
const peopleQuery = z.object({
  q: z
    .string({ error: "expects part of a name" })
    .trim()
    .min(2, { error: "expects at least 2 characters of a name" })
    .max(100, { error: "at most 100 characters" }),
});

/**
 * Collaboration adoption in the ICT Hub tab (docs/tab-api.md, "Adoption"):
 * figures per council, directorate and service with the small-group rules
 * applied, trends, CSV, targets and champions. Every route needs the ict role,
 * and none answers anything about one person's use.
 */
export function adoptionRoutes(deps: TabApiDeps): Router {
  const router = Router();
  const { db, now } = deps.requests;
  const threshold = deps.adoption.minGroupSize;
  const today = () => now().toISOString().slice(0, 10);

  // The overview's CSV sits beside the folder rather than in it, so it is named on its own.
  router.use(["/ict/adoption", "/ict/adoption.csv"], requireRole("ict"));

  router.get("/ict/adoption", async (req, res) => {
    const query = parseInput(res, overviewQuery, req.query);
    if (!query) return;
    res.json(await adoptionOverview(db, { ...query, threshold, today: today() }));
  });

  router.get("/ict/adoption.csv", async (req, res) => {
    const query = parseInput(res, overviewQuery, req.query);
    if (!query) return;
    const overview = await adoptionOverview(db, { ...query, threshold, today: today() });
    res
      .status(200)
      .type("text/csv; charset=utf-8")
      .attachment(`adoption-${overview.period}-${overview.start}.csv`)
      .send(overviewCsv(overview));
  });

  router.get("/ict/adoption/trend", async (req, res) => {
    const query = parseInput(res, trendQuery, req.query);
    if (!query) return;
    res.json(await adoptionTrend(db, { ...query, directorate: query.directorate ?? null, threshold }));
  });

  router.get("/ict/adoption/trend.csv", async (req, res) => {
    const query = parseInput(res, trendQuery, req.query);
    if (!query) return;
    const trend = await adoptionTrend(db, { ...query, directorate: query.directorate ?? null, threshold });
    res
      .status(200)
      .type("text/csv; charset=utf-8")
      .attachment(`adoption-trend-${trend.measure}-${trend.period}-${today()}.csv`)
      .send(trendCsv(trend));
  });

  router.get("/ict/adoption/targets", async (_req, res) => {
    res.json({ targets: await targetProgress(db, threshold, today()) });
  });

  router.get("/ict/adoption/behind", async (_req, res) => {
    res.json({ behind: furthestBehind(await targetProgress(db, threshold, today())) });
  });

  // A directorate has one target per measure: putting it again moves the target or its date.
  router.put("/ict/adoption/targets", async (req, res) => {
    const input = parseInput(res, targetInput, req.body);
    if (!input) return;
    try {
      const id = await setTarget(db, input, callerOf(res).name, today());
      res.json({ id, targets: await targetProgress(db, threshold, today()) });
    } catch (error) {
      sendAppError(res, error);
    }
  });

  router.delete("/ict/adoption/targets/:id", async (req, res) => {
    const target = parseInput(res, targetId, req.params);
    if (!target) return;
    try {
      await removeTarget(db, target.id);
      res.json({ targets: await targetProgress(db, threshold, today()) });
    } catch (error) {
      sendAppError(res, error);
    }
  });

  router.post("/ict/adoption/champions", async (req, res) => {
    const input = parseInput(res, champion, req.body);
    if (!input) return;
    try {
      await addChampion(db, input.directorate, input.userId, callerOf(res).name);
      res.status(201).json({ champions: (await championsByDirectorate(db)).get(input.directorate) ?? [] });
    } catch (error) {
      sendAppError(res, error);
    }
  });

  router.delete("/ict/adoption/champions", async (req, res) => {
    const input = parseInput(res, champion, req.query);
    if (!input) return;
    try {
      await removeChampion(db, input.directorate, input.userId);
      res.json({ champions: (await championsByDirectorate(db)).get(input.directorate) ?? [] });
    } catch (error) {
      sendAppError(res, error);
    }
  });

  router.get("/ict/adoption/people", async (req, res) => {
    const query = parseInput(res, peopleQuery, req.query);
    if (!query) return;
    res.json({ people: await searchPeople(db, query.q) });
  });

  return router;
}
