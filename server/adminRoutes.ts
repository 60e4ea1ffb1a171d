import { timingSafeEqual } from "node:crypto";
import { Router } from "express";
import { z } from "zod";
import type { RefreshPolicy } from "../core/refresh/refreshPolicy";
import { runSync } from "../graph/sync/runSync";
import type { SyncDeps } from "../graph/sync/syncContext";
import { syncJobs, syncNames } from "../graph/sync/syncJobs";
import { migrationAdminRoutes } from "./migrationAdminRoutes";
import { refreshAdminRoutes } from "./refreshAdminRoutes";

const syncRequest = z.object({ syncs: z.array(z.enum(syncNames as [string, ...string[]])).min(1) });

const isLoopback = (address: string | undefined) =>
  address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1";

/**
 * Routes for the CLI on this machine: the embedded store belongs to the server
 * process, so `npm run sync` and `npm run refresh` ask the server instead of
 * opening the store themselves. Loopback only, with the token the server wrote to DATA_DIR.
 */
export function adminRoutes(adminToken: string, syncDeps: SyncDeps, refreshPolicy: RefreshPolicy): Router {
  const router = Router();
  router.use((req, res, next) => {
    const given = Buffer.from(String(req.headers["x-admin-token"] ?? ""));
    const expected = Buffer.from(adminToken);
    const tokenOk = given.length === expected.length && timingSafeEqual(given, expected);
    if (!isLoopback(req.socket.remoteAddress) || !tokenOk) {
      res
        .status(403)
        .json({ error: { code: "forbidden", message: "Admin routes answer only the CLI on this machine" } });
      return;
    }
    next();
  });

  router.post("/sync", async (req, res) => {
    const parsed = syncRequest.safeParse(req.body);
    if (!parsed.success) {
      res
        .status(400)
        .json({ error: { code: "invalid_input", message: `syncs must name some of: ${syncNames.join(", ")}` } });
      return;
    }
    res.status(200).type("application/x-ndjson");
    const write = (event: object) => res.write(`${JSON.stringify(event)}\n`);
    for (const name of parsed.data.syncs as (keyof typeof syncJobs)[]) {
      const outcome = await runSync(
        { ...syncDeps, onProgress: (p) => write({ type: "progress", ...p }) },
        syncJobs[name],
      );
      write({ type: "outcome", sync: name, ...outcome });
    }
    res.end();
  });

  router.use("/refresh", refreshAdminRoutes(syncDeps.db, refreshPolicy));
  router.use("/migration", migrationAdminRoutes(syncDeps.db));
  return router;
}
