import { Router } from "express";
import { z } from "zod";
import { pulseCard } from "../../bot/cards/pulseCards";
import { type PulseDeps, publishYouSaidWeDid, remindPulseNow } from "../../bot/pulses/pulseSending";
import { t } from "../../core/messages/catalogue";
import { deliveryCsv, deliveryReport } from "../../core/outbox/outbox";
import { audienceSize } from "../../core/pulses/audience";
import { pulseDraft } from "../../core/pulses/pulseDraft";
import {
  cancelPulse,
  createPulse,
  findPulse,
  listPulses,
  runMessageKeys,
  runsOf,
  summarisePulse,
} from "../../core/pulses/pulses";
import { afterTicketScores, runResults, trendOf } from "../../core/pulses/results";
import { closesAt } from "../../core/pulses/schedule";
import { actionsOf, presentAction } from "../../core/pulses/youSaidWeDid";
import type { TabApiDeps } from "./tabApiDeps";
import { callerOf, requireRole } from "./tabAuth";
import { parseInput, sendAppError } from "./tabErrors";

const pulseId = z.object({ id: z.coerce.number().int().positive({ error: "id: expects a pulse number" }) });
const newAction = z.object({
  youSaid: z
    .string()
    .trim()
    .min(5, { error: t("pulse.action.youSaid") })
    .max(500, { error: t("pulse.action.youSaid") }),
  weDid: z
    .string()
    .trim()
    .min(5, { error: t("pulse.action.weDid") })
    .max(1000, { error: t("pulse.action.weDid") }),
});

/**
 * Pulses in the ICT Hub tab (docs/tab-api.md, "Pulses"): author, preview,
 * results with the threshold applied, delivery, cancel, remind and "you
 * said, we did". Every route needs the ict role.
 */
export function pulseRoutes(deps: TabApiDeps): Router {
  const router = Router();
  const pulses: PulseDeps = {
    db: deps.requests.db,
    log: deps.requests.log,
    outbox: deps.requests.outbox,
    now: deps.requests.now,
  };
  const { db, now } = pulses;
  const author = (res: Parameters<typeof callerOf>[0]) => {
    const caller = callerOf(res);
    return { aadObjectId: caller.id, name: caller.name };
  };

  router.use("/ict/pulses", requireRole("ict"));

  router.get("/ict/pulses", async (_req, res) => {
    res.json({ pulses: await listPulses(db, now()) });
  });

  router.post("/ict/pulses/preview", async (req, res) => {
    const draft = parseInput(res, pulseDraft, req.body);
    if (!draft) return;
    const at = now();
    res.json({
      // The very card staff get; run 0 does not exist, so a press on it does nothing.
      card: pulseCard({ draft, runId: 0, closesAt: closesAt(at, draft.openDays) }),
      audienceSize: await audienceSize(db, draft.audience),
    });
  });

  router.post("/ict/pulses", async (req, res) => {
    const draft = parseInput(res, pulseDraft, req.body);
    if (!draft) return;
    const at = now();
    const pulse = await createPulse(db, { draft, createdBy: author(res), now: at });
    res.status(201).json({ pulse: summarisePulse(pulse, [], at) });
  });

  router.get("/ict/pulses/:id", async (req, res) => {
    const target = parseInput(res, pulseId, req.params);
    if (!target) return;
    try {
      const at = now();
      const pulse = await findPulse(db, target.id);
      const runs = await runsOf(db, [pulse.id]);
      const results = [];
      for (const run of runs) results.push(await runResults(db, pulse, run, at));
      res.json({
        pulse: summarisePulse(pulse, runs, at),
        draft: pulse.definition,
        runs: results,
        trend: trendOf(results),
        afterTicket: await afterTicketScores(db, at),
        actions: (await actionsOf(db, pulse.id)).map(presentAction),
      });
    } catch (error) {
      sendAppError(res, error);
    }
  });

  router.get("/ict/pulses/:id/delivery", async (req, res) => {
    const target = parseInput(res, pulseId, req.params);
    if (!target) return;
    try {
      const runs = await runsOf(db, [(await findPulse(db, target.id)).id]);
      const reports = [];
      for (const run of runs) {
        reports.push({ runId: run.id, report: await deliveryReport(db, await runMessageKeys(db, run.message_key)) });
      }
      res.json({ runs: reports });
    } catch (error) {
      sendAppError(res, error);
    }
  });

  router.get("/ict/pulses/:id/delivery.csv", async (req, res) => {
    const target = parseInput(res, pulseId, req.params);
    if (!target) return;
    try {
      const runs = await runsOf(db, [(await findPulse(db, target.id)).id]);
      const keys: string[] = [];
      for (const run of [...runs].reverse()) keys.push(...(await runMessageKeys(db, run.message_key)));
      res
        .status(200)
        .type("text/csv; charset=utf-8")
        .attachment(`pulse-${target.id}-delivery.csv`)
        .send(await deliveryCsv(db, keys));
    } catch (error) {
      sendAppError(res, error);
    }
  });

  router.post("/ict/pulses/:id/cancel", async (req, res) => {
    const target = parseInput(res, pulseId, req.params);
    if (!target) return;
    try {
      const at = now();
      const pulse = await cancelPulse(db, target.id, at);
      res.json({ pulse: summarisePulse(pulse, await runsOf(db, [pulse.id]), at) });
    } catch (error) {
      sendAppError(res, error);
    }
  });

  router.post("/ict/pulses/:id/actions", async (req, res) => {
    const target = parseInput(res, pulseId, req.params);
    const input = target && parseInput(res, newAction, req.body);
    if (!target || !input) return;
    try {
      const action = await publishYouSaidWeDid(pulses, { pulseId: target.id, ...input, by: author(res) });
      res.status(201).json({ action: presentAction(action) });
    } catch (error) {
      sendAppError(res, error);
    }
  });

  router.post("/ict/pulses/:id/remind", async (req, res) => {
    const target = parseInput(res, pulseId, req.params);
    if (!target) return;
    try {
      res.json({ queued: await remindPulseNow(pulses, target.id) });
    } catch (error) {
      sendAppError(res, error);
    }
  });

  return router;
}
