import express from "express";
import type { Council, CouncilChanges } from "./council/types";
import type { FaultInjector, FaultOptions } from "./faults";
import type { RequestArea, RequestLog } from "./requestLog";

/**
 * Loopback-only controls for people and scripts driving the dev tenant:
 * set faults, read the request log, move the council's time on, switch
 * concealed names in usage reports on or off.
 */
export function adminRoutes(deps: {
  faults: FaultInjector;
  log: RequestLog;
  advance: (days: number) => CouncilChanges;
  council: Council;
}): express.Router {
  const router = express.Router();
  router.post("/_admin/faults", express.json({ limit: "16kb" }), (req, res) => {
    const options = faultOptions(req.body);
    if (typeof options === "string") {
      res.status(400).json({ error: { code: "BadRequest", message: options } });
      return;
    }
    try {
      deps.faults.set(options);
    } catch (error) {
      res.status(400).json({ error: { code: "BadRequest", message: (error as Error).message } });
      return;
    }
    res.json(deps.faults.get());
  });
  router.get("/_admin/faults", (_req, res) => {
    res.json(deps.faults.get());
  });
  router.get("/_admin/requests", (req, res) => {
    const area = typeof req.query.area === "string" ? (req.query.area as RequestArea) : undefined;
    res.json(deps.log.entries(area));
  });
  router.post("/_admin/advance", (req, res) => {
    const days = Number(req.query.days ?? 1);
    if (!Number.isInteger(days) || days < 1 || days > 366) {
      res.status(400).json({ error: { code: "BadRequest", message: "days must be a whole number from 1 to 366" } });
      return;
    }
    try {
      res.json(deps.advance(days));
    } catch (error) {
      res.status(501).json({ error: { code: "NotImplemented", message: (error as Error).message } });
    }
  });
  // What Graph's admin/reportSettings says, as the Microsoft 365 admin centre's "conceal names" switch sets it.
  router.post("/_admin/report-settings", express.json({ limit: "1kb" }), (req, res) => {
    const body = req.body as unknown;
    const keys = body && typeof body === "object" && !Array.isArray(body) ? Object.keys(body) : [];
    const value = (body as { displayConcealedNames?: unknown } | undefined)?.displayConcealedNames;
    if (keys.length !== 1 || typeof value !== "boolean") {
      res.status(400).json({
        error: {
          code: "BadRequest",
          message: 'Send {"displayConcealedNames": true} or {"displayConcealedNames": false}.',
        },
      });
      return;
    }
    deps.council.reportSettings.displayConcealedNames = value;
    res.json(deps.council.reportSettings);
  });
  router.get("/_admin/report-settings", (_req, res) => {
    res.json(deps.council.reportSettings);
  });
  return router;
}

const numericFaults = ["throttleRate", "retryAfterSeconds", "serverErrorRate", "latencyMs", "seed"] as const;

/** The JSON body as fault options, or why it is not. */
function faultOptions(body: unknown): FaultOptions | string {
  if (!body || typeof body !== "object" || Array.isArray(body)) return "Send a JSON object of fault options.";
  const options: FaultOptions = {};
  for (const [name, value] of Object.entries(body)) {
    if (!(numericFaults as readonly string[]).includes(name)) {
      return `Unknown fault option '${name}' (known: ${numericFaults.join(", ")}).`;
    }
    if (typeof value !== "number") return `${name} must be a number.`;
    options[name as (typeof numericFaults)[number]] = value;
  }
  return options;
}
