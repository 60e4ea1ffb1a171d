import { Router } from "express";
import { z } from "zod";
import { articleUrl } from "../../bot/servicedesk/selfHelpTurn";
import { escalate } from "../../bot/servicedesk/serviceDesk";
import { findPersonalConversation } from "../../core/conversations/conversationRepository";
import { t } from "../../core/messages/catalogue";
import { classifiedDevicesOf } from "../../core/requests/currentDevices";
import { approverNames, requestReference, requestsOf } from "../../core/requests/deviceRequests";
import { ticketReference, ticketsOf } from "../../core/servicedesk/tickets";
import { lastSyncedAt } from "./lastSynced";
import type { TabApiDeps } from "./tabApiDeps";
import { callerOf, requireRole } from "./tabAuth";
import { parseInput } from "./tabErrors";

const search = z.object({ q: z.string().trim().min(1, { error: "q: ask a question" }).max(500) });
const newTicket = z.object({
  subject: z.string().trim().min(1, { error: "subject: say in a few words what is wrong" }).max(120),
  description: z.string().trim().min(1, { error: "description: describe the problem" }).max(4000),
});

/** How many of a person's requests and tickets the tab lists. */
const listLimit = 50;
/** How many articles a search offers. */
const searchResults = 5;

/** "Everyone" in docs/tab-api.md: who the caller is, their devices, requests and tickets, self-help and raising a ticket. */
export function myRoutes(deps: TabApiDeps): Router {
  const router = Router();
  const { db } = deps.requests;

  router.get("/me", (_req, res) => {
    const { id, name, roles } = callerOf(res);
    res.json({ id, name, roles });
  });

  router.use(["/my", "/selfhelp", "/tickets"], requireRole("staff", "ict"));

  router.get("/my/devices", async (_req, res) => {
    const { requests } = deps;
    const devices = await classifiedDevicesOf(db, callerOf(res).id, requests.refreshPolicy, requests.now());
    res.json({
      syncedAt: await lastSyncedAt(db, "devices"),
      devices: devices.map(({ device, classification }) => ({
        id: device.id,
        name: device.device_name,
        model: device.model,
        operatingSystem: device.operating_system,
        osVersion: device.os_version,
        lastSyncAt: device.last_sync_at,
        state: classification.state,
        stateLabel: t(`refresh.state.${classification.state}`),
        reason: classification.reason,
      })),
    });
  });

  router.get("/my/requests", async (_req, res) => {
    const requests = await requestsOf(db, callerOf(res).id, listLimit);
    res.json({
      requests: requests.map((r) => ({
        id: r.id,
        reference: requestReference(r.id),
        kind: r.kind,
        kindLabel: t(`request.kind.${r.kind}`),
        status: r.status,
        statusLabel: t(`request.status.${r.status}`),
        createdAt: r.created_at,
        approver: approverNames(r),
      })),
    });
  });

  router.get("/my/tickets", async (_req, res) => {
    const tickets = await ticketsOf(db, callerOf(res).id, listLimit);
    res.json({
      tickets: tickets.map((ticket) => ({
        id: ticket.id,
        reference: ticketReference(ticket.id),
        subject: ticket.subject,
        status: ticket.status,
        statusLabel: t(`ticket.status.${ticket.status}`, { name: ticket.assignee_name ?? "" }),
        createdAt: ticket.created_at,
      })),
    });
  });

  router.get("/selfhelp/search", (req, res) => {
    const input = parseInput(res, search, req.query);
    if (!input) return;
    const found = deps.knowledge.search(input.q);
    const results =
      found.confidence === "none"
        ? []
        : found.results.slice(0, searchResults).flatMap(({ id }) => {
            const article = deps.knowledge.article(id);
            return article
              ? [{ id, title: article.title, summary: article.summary, url: articleUrl(deps.publicUrl, id) }]
              : [];
          });
    res.json({ answered: found.answered, confidence: found.confidence, results });
  });

  router.post("/tickets", async (req, res) => {
    const input = parseInput(res, newTicket, req.body);
    if (!input) return;
    const caller = callerOf(res);
    const chat = await findPersonalConversation(db, caller.id);
    const ticket = await escalate(deps.requests, {
      requester: { aadObjectId: caller.id, name: caller.name },
      reference: chat?.reference ?? null,
      subject: input.subject,
      description: input.description,
      source: "tab",
    });
    res.status(201).json({ ticket: { id: ticket.id, reference: ticketReference(ticket.id) } });
  });

  return router;
}
