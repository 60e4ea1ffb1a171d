import { Router } from "express";
import { z } from "zod";
import { afterDecision } from "../../bot/requests/requestNotices";
import { t } from "../../core/messages/catalogue";
import { decideRequest, pendingFor, requestReference } from "../../core/requests/deviceRequests";
import { changedRequest } from "./requestView";
import type { TabApiDeps } from "./tabApiDeps";
import { callerOf, requireRole } from "./tabAuth";
import { parseInput, sendAppError } from "./tabErrors";

const requestId = z.object({ id: z.coerce.number().int().positive({ error: "id: expects a request number" }) });
const decision = z.object({
  approve: z.boolean({ error: "approve: expects true or false" }),
  comment: z.string().max(2000).optional(),
});

/**
 * "Managers" in docs/tab-api.md: the requests waiting for this person's
 * decision, and the decision itself, with the same rules and consequences as
 * one made on the approval card. ICT may use them too: ICT's approvers decide
 * for people with no manager, and need not have reports of their own.
 */
export function approvalRoutes(deps: TabApiDeps): Router {
  const router = Router();
  router.use("/my/approvals", requireRole("manager", "ict"));

  router.get("/my/approvals", async (_req, res) => {
    const pending = await pendingFor(deps.requests.db, callerOf(res).id);
    res.json({
      approvals: pending.map((r) => ({
        id: r.id,
        reference: requestReference(r.id),
        requesterName: r.requester_name,
        kindLabel: t(`request.kind.${r.kind}`),
        reason: r.reason,
        urgencyLabel: t(`request.urgency.${r.urgency}`),
        eligibilityLabel: t(`request.eligibility.${r.eligibility}`),
        justification: r.justification,
        devices: r.current_devices.map((d) => ({ name: d.name, model: d.model, reason: d.reason })),
        createdAt: r.created_at,
      })),
    });
  });

  router.post("/my/approvals/:id/decision", async (req, res) => {
    const target = parseInput(res, requestId, req.params);
    const input = target && parseInput(res, decision, req.body);
    if (!target || !input) return;
    const caller = callerOf(res);
    const decider = { aadObjectId: caller.id, name: caller.name };
    try {
      const decided = await decideRequest(deps.requests.db, {
        requestId: target.id,
        actor: decider,
        approve: input.approve,
        comment: input.comment ?? null,
        via: "tab",
      });
      // Nothing was pressed: every card about the request is redrawn.
      await afterDecision(deps.requests, decided, decider, null);
      res.json(changedRequest(decided));
    } catch (error) {
      sendAppError(res, error);
    }
  });

  return router;
}
