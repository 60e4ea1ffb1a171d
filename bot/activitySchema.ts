import { z } from "zod";

const account = z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  aadObjectId: z.string().optional(),
});

/**
 * The least an activity must carry before botbuilder sees it. botbuilder answers
 * 500 (not 400) to a body with no type and falls back to a public service URL
 * when serviceUrl is missing, so both are checked here first.
 */
export const inboundActivity = z.looseObject({
  type: z.string().min(1),
  id: z.string().optional(),
  name: z.string().optional(),
  channelId: z.string().min(1),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  from: account,
  recipient: account,
  conversation: z.looseObject({
    id: z.string().min(1),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
  }),
  text: z.string().optional(),
  locale: z.string().optional(),
});

export type InboundActivity = z.infer<typeof inboundActivity>;

/** Problems with a request body, one line each, or an activity that can be processed. */
export function parseInboundActivity(
  body: unknown,
): { ok: true; activity: InboundActivity } | { ok: false; problems: string[] } {
  if (body === undefined || body === null || typeof body !== "object" || Array.isArray(body)) {
    return { ok: false, problems: ["the body must be a JSON object (Content-Type: application/json)"] };
  }
  const result = inboundActivity.safeParse(body);
  if (result.success) return { ok: true, activity: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((i) => `${i.path.join(".") || "activity"}: ${i.message}`),
  };
}

/** With authentication off, replies may only go to this machine. */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
