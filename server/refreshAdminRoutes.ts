import { Router } from "express";
import type { Kysely } from "kysely";
import { z } from "zod";
import { isAppError } from "../core/errors";
import { createRefreshWave } from "../core/refresh/createRefreshWave";
import { dueDevicesCsv } from "../core/refresh/dueDevicesCsv";
import type { RefreshPolicy } from "../core/refresh/refreshPolicy";
import { refreshWaveProgress } from "../core/refresh/refreshQueries";
import type { Database } from "../core/store/database";

const newWave = z.object({
  name: z.string(),
  directorates: z.array(z.string()),
  startsOn: z.string(),
  endsOn: z.string(),
  targetDevices: z.number().optional(),
});

/**
 * `npm run refresh` through the server that holds the embedded store: the
 * export of devices due and the refresh waves. Mounted behind the admin
 * routes' loopback and token check.
 */
export function refreshAdminRoutes(db: Kysely<Database>, policy: RefreshPolicy): Router {
  const router = Router();

  router.get("/due-devices.csv", async (_req, res) => {
    const { csv, devices } = await dueDevicesCsv(db, policy, new Date());
    res.status(200).type("text/csv; charset=utf-8").setHeader("x-device-count", String(devices)).send(csv);
  });

  router.get("/waves", async (_req, res) => {
    res.json(await refreshWaveProgress(db, new Date()));
  });

  router.post("/waves", async (req, res) => {
    const parsed = newWave.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: { code: "invalid_input", message: z.prettifyError(parsed.error) } });
      return;
    }
    try {
      res.status(201).json(await createRefreshWave(db, parsed.data, policy, new Date()));
    } catch (error) {
      if (!isAppError(error, "invalid_input")) throw error;
      res.status(400).json({ error: { code: error.code, message: error.message } });
    }
  });
  return router;
}
