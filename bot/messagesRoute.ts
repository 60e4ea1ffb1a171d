import type { ActivityHandler, CloudAdapter } from "botbuilder";
import type { Request, Response } from "express";
import { isLoopbackUrl, parseInboundActivity } from "./activitySchema";

export type MessagesRouteDeps = {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  /** False only in dev-tenant mode: then replies may go to loopback addresses alone. */
  authenticationOn: boolean;
};

/**
 * POST /api/messages. Bad bodies are answered 400 here, before botbuilder,
 * which would answer 500 or send replies to a public fallback address.
 */
export function messagesRoute({ adapter, bot, authenticationOn }: MessagesRouteDeps) {
  return async (req: Request, res: Response) => {
    const parsed = parseInboundActivity(req.body);
    if (!parsed.ok) {
      res.status(400).json({ error: { code: "invalid_activity", problems: parsed.problems } });
      return;
    }
    if (!authenticationOn && !isLoopbackUrl(parsed.activity.serviceUrl)) {
      res.status(400).json({
        error: {
          code: "invalid_activity",
          problems: ["serviceUrl: must be a loopback address while bot authentication is off (dev tenant)"],
        },
      });
      return;
    }
    await adapter.process(req, res, (context) => bot.run(context));
  };
}
