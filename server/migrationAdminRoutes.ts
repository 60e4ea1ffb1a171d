import { Router } from "express";
import type { Kysely } from "kysely";
import { z } from "zod";
import { importStream } from "../core/migration/importFiles";
import { failedItemsCsv } from "../core/migration/migrationFailures";
import { migrationOverview } from "../core/migration/migrationOverview";
import { bulkTasksCsv, planCsv } from "../core/migration/planCsv";
import type { Database } from "../core/store/database";

const importQuery = z.object({ name: z.string().min(1).max(1000) });
const overviewQuery = z.object({ tolerance: z.coerce.number().min(0).max(100).default(5) });

/**
 * `npm run migration` through the server that holds the embedded store: each
 * report file streamed in as the request body (never buffered whole), the plan
 * and failure exports, and the overview. Mounted behind the admin routes'
 * loopback and token check.
 */
export function migrationAdminRoutes(db: Kysely<Database>): Router {
  const router = Router();

  router.post("/import", async (req, res) => {
    const query = importQuery.safeParse(req.query);
    if (!query.success) {
      res.status(400).json({ error: { code: "invalid_input", message: "name: the file's name is needed" } });
      return;
    }
    res.json({ outcomes: await importStream(db, query.data.name, req) });
  });

  router.get("/plan.csv", async (_req, res) => {
    const { csv, sources } = await planCsv(db);
    res.status(200).type("text/csv; charset=utf-8").setHeader("x-row-count", String(sources)).send(csv);
  });

  router.get("/bulk.csv", async (req, res) => {
    const wave = typeof req.query.wave === "string" ? req.query.wave : undefined;
    const { csv, sources } = await bulkTasksCsv(db, wave);
    res.status(200).type("text/csv; charset=utf-8").setHeader("x-row-count", String(sources)).send(csv);
  });

  router.get("/failed-items.csv", async (_req, res) => {
    const { csv, items } = await failedItemsCsv(db);
    res.status(200).type("text/csv; charset=utf-8").setHeader("x-row-count", String(items)).send(csv);
  });

  router.get("/overview", async (req, res) => {
    const { tolerance } = overviewQuery.parse(req.query);
    res.json(await migrationOverview(db, tolerance, new Date()));
  });
  return router;
}
