import { Router } from "express";
import { z } from "zod";
import { afterFulfilment } from "../../bot/requests/requestNotices";
import { operatingSystemRelease } from "../../core/devices/windowsVersion";
import { t } from "../../core/messages/catalogue";
import { attentionStates, dueDevicePage, dueListSorts } from "../../core/refresh/dueDeviceList";
import { dueDevicesCsv } from "../../core/refresh/dueDevicesCsv";
import type { RefreshState } from "../../core/refresh/refreshPolicy";
import { refreshWaveProgress, waveBurndown } from "../../core/refresh/refreshQueries";
import {
  advanceFulfilment,
  approverNames,
  nextFulfilmentStep,
  requestReference,
  requestsIn,
} from "../../core/requests/deviceRequests";
import { fulfilmentSteps, type RequestStatus } from "../../core/requests/requestTables";
import { deflectionByWeek, ticketSummary, topTopics, unansweredQuestions } from "../../core/servicedesk/selfhelpStats";
import { changedRequest } from "./requestView";
import type { TabApiDeps } from "./tabApiDeps";
import { callerOf, requireRole } from "./tabAuth";
import { parseInput, sendAppError } from "./tabErrors";

const dueQuery = z.object({
  state: z.enum(attentionStates as [RefreshState, ...RefreshState[]]).optional(),
  directorate: z.string().trim().min(1).max(200).optional(),
  sort: z.enum(dueListSorts).default("state"),
  direction: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const stages = {
  pending: ["pending"],
  approved: ["approved"],
  fulfilment: ["ordered", "ready", "deployed"],
} as const satisfies Record<string, readonly RequestStatus[]>;
const requestsQuery = z.object({ stage: z.enum(["pending", "approved", "fulfilment"]).optional() });
const requestId = z.object({ id: z.coerce.number().int().positive({ error: "id: expects a request number" }) });
const fulfil = z.object({ to: z.enum(fulfilmentSteps) });

/** Waves longer than this are drawn by week. */
const dailyBurndownDays = 92;
/** How far back the self-help statistics look. */
const selfHelpWeeks = 12;
const dayMs = 86_400_000;

/** "ICT" in docs/tab-api.md: the refresh dashboard, waves, the request queue and self-help statistics. */
export function ictRoutes(deps: TabApiDeps): Router {
  const router = Router();
  const { db, refreshPolicy, now } = deps.requests;
  router.use("/ict", requireRole("ict"));

  router.get("/ict/refresh/summary", async (_req, res) => {
    const { summary, syncedAt } = await deps.refreshSnapshot();
    res.json({ ...summary, syncedAt });
  });

  router.get("/ict/refresh/due", async (req, res) => {
    const query = parseInput(res, dueQuery, req.query);
    if (!query) return;
    const { attention } = await deps.refreshSnapshot();
    const { total, devices } = dueDevicePage(attention, query);
    res.json({
      total,
      page: query.page,
      pageSize: query.pageSize,
      devices: devices.map(({ device, judgement }) => ({
        id: device.id,
        name: device.device_name,
        owner: device.owner_name,
        userPrincipalName: device.owner_upn,
        directorate: device.department,
        model: device.model,
        operatingSystem: operatingSystemRelease(device.operating_system, device.os_version),
        state: judgement.state,
        stateLabel: t(`refresh.state.${judgement.state}`),
        reason: judgement.reason(),
        estimatedAgeYears:
          judgement.estimatedAgeYears === null ? null : Math.round(judgement.estimatedAgeYears * 10) / 10,
      })),
    });
  });

  router.get("/ict/refresh/due.csv", async (_req, res) => {
    const at = now();
    const { csv, devices } = await dueDevicesCsv(db, refreshPolicy, at);
    res
      .status(200)
      .type("text/csv; charset=utf-8")
      .attachment(`devices-due-${at.toISOString().slice(0, 10)}.csv`)
      .setHeader("x-device-count", String(devices))
      .send(csv);
  });

  router.get("/ict/waves", async (_req, res) => {
    const at = now();
    const waves = await refreshWaveProgress(db, at);
    res.json({
      waves: await Promise.all(
        waves.map(async (wave) => {
          const days = (Date.parse(wave.endsOn) - Date.parse(wave.startsOn)) / dayMs + 1;
          return { ...wave, burndown: await waveBurndown(db, wave, at, days > dailyBurndownDays ? "week" : "day") };
        }),
      ),
    });
  });

  router.get("/ict/requests", async (req, res) => {
    const query = parseInput(res, requestsQuery, req.query);
    if (!query) return;
    const statuses = query.stage ? stages[query.stage] : Object.values(stages).flat();
    const requests = await requestsIn(db, statuses);
    res.json({
      requests: requests.map((r) => {
        const next = nextFulfilmentStep(r.status) ?? null;
        return {
          id: r.id,
          reference: requestReference(r.id),
          requesterName: r.requester_name,
          kindLabel: t(`request.kind.${r.kind}`),
          status: r.status,
          statusLabel: t(`request.status.${r.status}`),
          approver: approverNames(r),
          createdAt: r.created_at,
          nextStep: next,
          nextStepLabel: next ? t("request.card.markAs", { step: t(`request.status.${next}`) }) : null,
        };
      }),
    });
  });

  router.post("/ict/requests/:id/fulfil", async (req, res) => {
    const target = parseInput(res, requestId, req.params);
    const input = target && parseInput(res, fulfil, req.body);
    if (!target || !input) return;
    const caller = callerOf(res);
    try {
      const moved = await advanceFulfilment(db, {
        requestId: target.id,
        actor: { aadObjectId: caller.id, name: caller.name },
        to: input.to,
        via: "tab",
      });
      await afterFulfilment(deps.requests, moved, null);
      res.json(changedRequest(moved));
    } catch (error) {
      sendAppError(res, error);
    }
  });

  router.get("/ict/selfhelp", async (_req, res) => {
    const at = now();
    const since = new Date(at.getTime() - selfHelpWeeks * 7 * dayMs);
    const [deflection, topics, unanswered, tickets] = await Promise.all([
      deflectionByWeek(db, since),
      topTopics(db, since),
      unansweredQuestions(db, since),
      ticketSummary(db, since),
    ]);
    res.json({
      syncedAt: at,
      deflectionByWeek: deflection,
      topTopics: topics.map((topic) => ({
        ...topic,
        title: topic.articleId ? (deps.knowledge.article(topic.articleId)?.title ?? topic.articleId) : null,
      })),
      unanswered: unanswered.map((q) => ({ id: q.id, askedAt: q.asked_at, question: q.question })),
      tickets,
    });
  });

  return router;
}
