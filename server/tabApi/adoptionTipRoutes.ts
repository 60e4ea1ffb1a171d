import { Router } from "express";
import { sendTipCampaign, type TipSendingDeps } from "../../bot/adoption/tipSending";
import type { TipsOverview } from "../../core/adoption/adoptionApi";
import { summariseTip, tips } from "../../core/adoption/tipCatalogue";
import { presentCampaign, tipCampaigns, tipRequest } from "../../core/adoption/tips";
import type { TabApiDeps } from "./tabApiDeps";
import { callerOf, requireRole } from "./tabAuth";
import { parseInput, sendAppError } from "./tabErrors";

/**
 * Adoption tips in the ICT Hub tab (docs/tab-api.md, "Adoption tips"): the
 * catalogue, the campaigns sent with their delivery and effect, and sending
 * one. Every route needs the ict role.
 */
export function adoptionTipRoutes(deps: TabApiDeps): Router {
  const router = Router();
  const sending: TipSendingDeps = {
    db: deps.requests.db,
    log: deps.requests.log,
    outbox: deps.requests.outbox,
    now: deps.requests.now,
    publicUrl: deps.publicUrl,
    tipGapDays: deps.adoption.tipGapDays,
  };
  const { db } = sending;
  const { minGroupSize } = deps.adoption;

  router.use("/ict/adoption/tips", requireRole("ict"));

  router.get("/ict/adoption/tips", async (_req, res) => {
    const answer: TipsOverview = {
      tips: tips.map(summariseTip),
      campaigns: await tipCampaigns(db, minGroupSize),
      tipGapDays: sending.tipGapDays,
    };
    res.json(answer);
  });

  router.post("/ict/adoption/tips", async (req, res) => {
    const request = parseInput(res, tipRequest, req.body);
    if (!request) return;
    try {
      const campaign = await sendTipCampaign(sending, request, callerOf(res).name);
      res.status(201).json(await presentCampaign(db, campaign, minGroupSize));
    } catch (error) {
      sendAppError(res, error);
    }
  });

  return router;
}
