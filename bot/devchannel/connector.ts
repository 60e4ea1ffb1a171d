import { createHash } from "node:crypto";
import express, { type Request, type Response } from "express";
import { SlidingWindowLimiter } from "../../core/teamsLimits/slidingWindowLimiter";
import { perAppLimits, perConversationLimits } from "../../core/teamsLimits/teamsLimits";
import { Transcript, type TranscriptKind } from "./transcript";

export type DevConnectorOptions = {
  /** Clock in ms; tests move it to cross Teams' windows without waiting. */
  now?: () => number;
};

type ConversationState = {
  id: string;
  /** False once the user has removed the app: Teams then refuses the bot's messages. */
  botInRoster: boolean;
  activityIds: Set<string>;
};

/**
 * The Bot Connector routes that the app uses, behaving as the Teams channel
 * does: it records every request, refuses unknown conversations and answers
 * 429 with Retry-After when the bot exceeds Teams' limits.
 */
export class DevConnector {
  readonly transcript = new Transcript();
  private readonly conversations = new Map<string, ConversationState>();
  private readonly perConversation: SlidingWindowLimiter;
  private readonly perApp: SlidingWindowLimiter;
  private readonly now: () => number;
  private nextActivity = 1;
  private storm: { until: number; every: number; seen: number; retryAfterSeconds: number } | null = null;

  constructor(options: DevConnectorOptions = {}) {
    this.now = options.now ?? Date.now;
    this.perConversation = new SlidingWindowLimiter(perConversationLimits, this.now);
    this.perApp = new SlidingWindowLimiter(perAppLimits, this.now);
  }

  /** Registers a conversation the driver is about to talk in (Teams knows every conversation it sends from). */
  openConversation(id: string) {
    const existing = this.conversations.get(id);
    if (existing) existing.botInRoster = true;
    else this.conversations.set(id, { id, botInRoster: true, activityIds: new Set() });
  }

  /** The user removed the app: later sends to this conversation get 403, as in Teams. */
  removeBot(conversationId: string) {
    const conversation = this.conversations.get(conversationId);
    if (conversation) conversation.botInRoster = false;
  }

  /**
   * A 429 storm, as Teams has under load: until `forMs` have passed, every
   * `every`-th message is refused with Retry-After, whatever the bot's rate.
   */
  startStorm(props: { forMs: number; every: number; retryAfterSeconds: number }) {
    this.storm = {
      until: this.now() + props.forMs,
      every: props.every,
      seen: 0,
      retryAfterSeconds: props.retryAfterSeconds,
    };
  }

  /** The id Teams gives the 1:1 chat between the bot and a user: stable per user. */
  static personalConversationId(userId: string): string {
    return `a:dev-${createHash("sha256").update(userId).digest("base64url").slice(0, 24)}`;
  }

  routes(): express.Router {
    const router = express.Router();
    router.use(express.json({ limit: "1mb" }));
    router.post("/v3/conversations", (req, res) => this.createConversation(req, res));
    router.post("/v3/conversations/:conversationId/activities", (req, res) => this.post(req, res, "send"));
    router.post("/v3/conversations/:conversationId/activities/:activityId", (req, res) => this.post(req, res, "reply"));
    router.put("/v3/conversations/:conversationId/activities/:activityId", (req, res) => this.post(req, res, "update"));
    router.get("/_dev/transcript", (_req, res) => {
      res.json(this.transcript.all());
    });
    return router;
  }

  private createConversation(req: Request, res: Response) {
    const body = (req.body ?? {}) as { members?: { id?: string; aadObjectId?: string }[]; isGroup?: boolean };
    const member = teamsUserIdOf(body.members?.[0]);
    if (!member || body.isGroup || (body.members?.length ?? 0) !== 1) {
      this.record("createConversation", "", body, 400);
      res
        .status(400)
        .json({ error: { code: "BadArgument", message: "Exactly one member is required for a 1:1 conversation" } });
      return;
    }
    const id = DevConnector.personalConversationId(member);
    this.openConversation(id);
    this.record("createConversation", id, body, 201);
    res.status(201).json({ id });
  }

  private post(req: Request, res: Response, kind: Exclude<TranscriptKind, "createConversation">) {
    const conversationId = String(req.params.conversationId);
    const pathActivityId = req.params.activityId ? String(req.params.activityId) : undefined;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const conversation = this.conversations.get(conversationId);

    if (!conversation) {
      this.record(kind, conversationId, body, 404, pathActivityId);
      res.status(404).json({ error: { code: "ConversationNotFound", message: "Conversation not found." } });
      return;
    }
    if (!conversation.botInRoster) {
      this.record(kind, conversationId, body, 403, pathActivityId);
      res.status(403).json({
        error: { code: "BotNotInConversationRoster", message: "The bot is not part of the conversation roster." },
      });
      return;
    }
    if (kind === "update" && pathActivityId && !conversation.activityIds.has(pathActivityId)) {
      this.record(kind, conversationId, body, 404, pathActivityId);
      res.status(404).json({ error: { code: "ActivityNotFound", message: "Activity not found." } });
      return;
    }

    if (this.storm && this.now() < this.storm.until && ++this.storm.seen % this.storm.every === 0) {
      this.record(kind, conversationId, body, 429, pathActivityId);
      res.setHeader("Retry-After", String(this.storm.retryAfterSeconds));
      res.status(429).json({ error: { code: "TooManyRequests", message: "Too many requests" } });
      return;
    }
    const appKey = String((body.from as { id?: string } | undefined)?.id ?? "app");
    const waitMs = Math.max(this.perApp.waitMs(appKey), this.perConversation.waitMs(conversationId));
    if (waitMs > 0) {
      this.record(kind, conversationId, body, 429, pathActivityId);
      res.setHeader("Retry-After", String(Math.max(1, Math.ceil(waitMs / 1000))));
      res.status(429).json({ error: { code: "TooManyRequests", message: "Too many requests" } });
      return;
    }

    this.perApp.record(appKey);
    this.perConversation.record(conversationId);
    const activityId = kind === "update" ? (pathActivityId as string) : `1:${this.nextActivity++}`;
    conversation.activityIds.add(activityId);
    this.transcript.add(
      {
        kind,
        conversationId,
        activityId,
        ...(kind === "reply" && pathActivityId ? { replyToId: pathActivityId } : {}),
        body,
        status: kind === "update" ? 200 : 201,
      },
      this.now(),
    );
    res.status(kind === "update" ? 200 : 201).json({ id: activityId });
  }

  private record(
    kind: TranscriptKind,
    conversationId: string,
    body: Record<string, unknown>,
    status: number,
    activityId?: string,
  ) {
    this.transcript.add({ kind, conversationId, body, status, ...(activityId ? { activityId } : {}) }, this.now());
  }
}

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Teams opens the same 1:1 chat whether the bot names the person by their
 * Teams id or by their Entra object id; the dev channel's Teams ids are
 * "29:dev-{object id}", as its driver makes them.
 */
function teamsUserIdOf(member: { id?: string; aadObjectId?: string } | undefined): string | undefined {
  if (!member?.id) return undefined;
  if (member.id.startsWith("29:")) return member.id;
  const aadObjectId = member.aadObjectId ?? (guidPattern.test(member.id) ? member.id : undefined);
  return aadObjectId ? `29:dev-${aadObjectId}` : member.id;
}
