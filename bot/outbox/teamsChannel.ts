import { type Activity, CardFactory, type CloudAdapter, type ConversationReference, TurnContext } from "botbuilder";
import type { StoredConversationReference } from "../../core/conversations/conversationTable";
import type { OutboxActivity } from "../../core/outbox/outboxTables";

/** What Teams answered when it did not take an activity. */
export type ChannelFailure = {
  /** HTTP status, or 0 when no answer came (network, timeout). */
  status: number;
  /** Teams' error code such as "BotNotInConversationRoster", when it gave one. */
  code: string | null;
  /** From Retry-After, when Teams sent one. */
  retryAfterMs: number | null;
  message: string;
};

export class ChannelError extends Error {
  constructor(readonly failure: ChannelFailure) {
    super(failure.message);
    this.name = "ChannelError";
  }
}

/** Teams' Bot Connector as the outbox uses it: send, update, open a 1:1 chat. */
export type TeamsChannel = {
  send(reference: StoredConversationReference, activity: OutboxActivity): Promise<string | null>;
  update(reference: StoredConversationReference, activityId: string, activity: OutboxActivity): Promise<void>;
  /** Opens (or finds) the 1:1 chat between the bot and a person; Teams answers with the same chat each time. */
  openPersonalChat(props: {
    serviceUrl: string;
    tenantId: string | null;
    aadObjectId: string;
  }): Promise<StoredConversationReference>;
};

export const messageActivity = (activity: OutboxActivity): Partial<Activity> => ({
  type: "message",
  ...(activity.text !== undefined ? { text: activity.text } : {}),
  ...(activity.card ? { attachments: [CardFactory.adaptiveCard(activity.card)] } : {}),
});

/** The channel through botbuilder's CloudAdapter, with its errors turned into ChannelFailure. */
export function botbuilderChannel(adapter: CloudAdapter, botAppId: string): TeamsChannel {
  const asReference = (reference: StoredConversationReference) => reference as Partial<ConversationReference>;
  return {
    async send(reference, activity) {
      let id: string | null = null;
      await guarded(() =>
        inTurn(
          (logic) => adapter.continueConversationAsync(botAppId, asReference(reference), logic),
          async (context) => {
            withoutBuiltInRetries(context, adapter);
            id = (await context.sendActivity(messageActivity(activity)))?.id ?? null;
          },
        ),
      );
      return id;
    },
    async update(reference, activityId, activity) {
      await guarded(() =>
        inTurn(
          (logic) => adapter.continueConversationAsync(botAppId, asReference(reference), logic),
          async (context) => {
            withoutBuiltInRetries(context, adapter);
            await context.updateActivity({ ...messageActivity(activity), id: activityId });
          },
        ),
      );
    },
    async openPersonalChat({ serviceUrl, tenantId, aadObjectId }) {
      let reference: StoredConversationReference | null = null;
      await guarded(() =>
        adapter.createConversationAsync(
          botAppId,
          "msteams",
          serviceUrl,
          "",
          {
            isGroup: false,
            bot: { id: botAppId, name: "" },
            // Teams opens the 1:1 chat from the person's Entra object id once the app is installed for them.
            members: [{ id: aadObjectId, name: "", aadObjectId }],
            ...(tenantId ? { tenantId } : {}),
            channelData: tenantId ? { tenant: { id: tenantId } } : {},
            activity: undefined as unknown as Activity,
          },
          async (context) => {
            reference = TurnContext.getConversationReference(context.activity) as StoredConversationReference;
          },
        ),
      );
      if (!reference) throw new ChannelError({ status: 0, code: null, retryAfterMs: null, message: "no conversation" });
      return reference;
    },
  };
}

type Pipeline = { removePolicy(options: { name: string }): unknown };

/**
 * botbuilder's connector client retries 429s and 5xx by itself, three times,
 * outside the outbox's pacing: those retries bunch up with the paced sends and
 * draw more 429s. The outbox owns every retry instead (Teams asks a bot to
 * back off on 429), so the client's retry policy is taken out of its pipeline.
 * The pipeline is not in botbuilder's public types; without one, nothing changes.
 */
function withoutBuiltInRetries(context: TurnContext, adapter: CloudAdapter) {
  const connector = context.turnState.get(adapter.ConnectorClientKey) as
    | { client?: { pipeline?: Pipeline } }
    | undefined;
  connector?.client?.pipeline?.removePolicy({ name: "defaultRetryPolicy" });
}

/**
 * Runs work inside a proactive turn and hands back what it threw: the
 * adapter would otherwise pass the error to its onTurnError, which logs it and
 * returns as if the message had gone.
 */
async function inTurn(
  start: (logic: (context: TurnContext) => Promise<void>) => Promise<void>,
  work: (context: TurnContext) => Promise<void>,
) {
  let failure: unknown = null;
  await start(async (context) => {
    try {
      await work(context);
    } catch (error) {
      failure = error ?? new Error("the send failed");
    }
  });
  if (failure) throw failure;
}

async function guarded(call: () => Promise<void>): Promise<void> {
  try {
    await call();
  } catch (error) {
    throw error instanceof ChannelError ? error : new ChannelError(failureOf(error));
  }
}

/** botbuilder throws the REST pipeline's error: status, headers and Teams' JSON body, or a network error. */
function failureOf(error: unknown): ChannelFailure {
  const e = error as {
    statusCode?: number;
    code?: string;
    message?: string;
    response?: { headers?: { get?(name: string): string | undefined }; bodyAsText?: string; parsedBody?: unknown };
  };
  const status = typeof e.statusCode === "number" ? e.statusCode : 0;
  const retryAfter = e.response?.headers?.get?.("retry-after");
  let code: string | null = null;
  try {
    const body = (e.response?.parsedBody ?? JSON.parse(e.response?.bodyAsText ?? "null")) as {
      error?: { code?: string };
    } | null;
    code = body?.error?.code ?? null;
  } catch {
    code = null;
  }
  return {
    status,
    code: code ?? (status === 0 ? (e.code ?? null) : null),
    retryAfterMs: retryAfter ? retryAfterMs(retryAfter) : null,
    message: e.message ?? String(error),
  };
}

/** Retry-After is seconds or an HTTP date. */
function retryAfterMs(value: string): number | null {
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}
