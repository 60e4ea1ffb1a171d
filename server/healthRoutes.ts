import { Router } from "express";
import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Database } from "../core/store/database";
import { pendingMigrations } from "../core/store/migrate";

/**
 * /healthz: the process answers (liveness; never touches the store).
 * /readyz: the store answers and every migration of this build is applied.
 */
export function healthRoutes(db: Kysely<Database>): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (req, res) => {
    try {
      await sql`select 1`.execute(db);
      const pending = await pendingMigrations(db);
      if (pending.length > 0) {
        res.status(503).json({ status: "not_ready", reason: "migrations pending", pending });
        return;
      }
      res.json({ status: "ready" });
    } catch (error) {
      req.log.warn({ err: error }, "readiness check failed");
      res.status(503).json({ status: "not_ready", reason: "store unreachable" });
    }
  });
  return router;
}
