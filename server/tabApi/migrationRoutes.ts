import { Router } from "express";
import { z } from "zod";
import { importStream } from "../../core/migration/importFiles";
import { failedItemsCsv } from "../../core/migration/migrationFailures";
import { migrationOverview } from "../../core/migration/migrationOverview";
import { myDrives } from "../../core/migration/myDrives";
import { planCsv } from "../../core/migration/planCsv";
import type { TabApiDeps } from "./tabApiDeps";
import { callerOf, requireRole } from "./tabAuth";
import { parseInput } from "./tabErrors";

const uploadQuery = z.object({ name: z.string().trim().min(1).max(300) });

/** Migration tracking (docs/tab-api.md): the ICT view, its exports and upload, and each person's own drives. */
export function migrationRoutes(deps: TabApiDeps): Router {
  const router = Router();
  const { db, now } = deps.requests;
  const tolerance = deps.migrationTolerancePercent ?? 5;

  router.get("/my/drives", requireRole("staff", "ict"), async (_req, res) => {
    res.json({ drives: await myDrives(db, callerOf(res).id) });
  });

  router.get("/ict/migration", requireRole("ict"), async (_req, res) => {
    res.json({ ...(await migrationOverview(db, tolerance, now())), tolerancePercent: tolerance, syncedAt: now() });
  });

  router.get("/ict/migration/failed-items.csv", requireRole("ict"), async (_req, res) => {
    const { csv, items } = await failedItemsCsv(db);
    res
      .status(200)
      .type("text/csv; charset=utf-8")
      .attachment(`failed-items-${now().toISOString().slice(0, 10)}.csv`)
      .setHeader("x-row-count", String(items))
      .send(csv);
  });

  router.get("/ict/migration/plan.csv", requireRole("ict"), async (_req, res) => {
    const { csv, sources } = await planCsv(db);
    res
      .status(200)
      .type("text/csv; charset=utf-8")
      .attachment(`migration-plan-${now().toISOString().slice(0, 10)}.csv`)
      .setHeader("x-row-count", String(sources))
      .send(csv);
  });

  // A report file (CSV or a Migration Manager zip) as the raw body, streamed into the import.
  router.post("/ict/migration/import", requireRole("ict"), async (req, res) => {
    const query = parseInput(res, uploadQuery, req.query);
    if (!query) return;
    res.json({ outcomes: await importStream(db, query.name, req) });
  });
  return router;
}
