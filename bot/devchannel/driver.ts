import { randomUUID } from "node:crypto";
import { DevConnector } from "./connector";

/** A member of staff as the dev channel presents them to the bot. */
export type DevUser = {
  /** Teams' user id for the bot ("29:..."). */
  id: string;
  /** Entra object id. */
  aadObjectId: string;
  name: string;
};

export type DriverOptions = {
  /** The bot's endpoint, e.g. http://127.0.0.1:3978/api/messages */
  botEndpoint: string;
  /** The dev channel's base URL with a trailing slash; replies go here. */
  serviceUrl: string;
  connector: DevConnector;
  tenantId?: string;
  botId?: string;
  botName?: string;
};

/** The bot's answer to one activity: the HTTP status and, for invokes, the body. */
export type BotResponse = { status: number; body: unknown };

/**
 * Sends the bot what Teams sends: messages, card actions and install events,
 * shaped as Teams shapes them, from the dev channel's service URL.
 */
export class DevChannelDriver {
  readonly tenantId: string;
  readonly botId: string;
  private readonly botName: string;

  constructor(private readonly options: DriverOptions) {
    this.tenantId = options.tenantId ?? "00000000-0000-4000-8000-000000000001";
    this.botId = options.botId ?? "28:00000000-0000-4000-8000-0000000000b0";
    this.botName = options.botName ?? "ICT Hub";
  }

  /** A person with stable ids derived from their name, or the given Entra id. */
  user(name: string, aadObjectId: string = randomUUID()): DevUser {
    return { id: `29:dev-${aadObjectId}`, aadObjectId, name };
  }

  personalConversationId(user: DevUser): string {
    return DevConnector.personalConversationId(user.id);
  }

  /** Installs the app for a user: Teams sends installationUpdate, then conversationUpdate. */
  async install(user: DevUser): Promise<BotResponse[]> {
    const base = this.personalActivity(user);
    return [
      await this.send({ ...base, type: "installationUpdate", action: "add" }),
      await this.send({
        ...base,
        type: "conversationUpdate",
        membersAdded: [{ id: this.botId }, { id: user.id, aadObjectId: user.aadObjectId }],
      }),
    ];
  }

  async uninstall(user: DevUser): Promise<BotResponse> {
    const response = await this.send({ ...this.personalActivity(user), type: "installationUpdate", action: "remove" });
    this.options.connector.removeBot(this.personalConversationId(user));
    return response;
  }

  /** A message typed by the user in their 1:1 chat with the bot. */
  message(user: DevUser, text: string): Promise<BotResponse> {
    return this.send({ ...this.personalActivity(user), type: "message", text, textFormat: "plain" });
  }

  /** A press on an Action.Execute button: the invoke Teams sends for Universal Actions. */
  cardAction(
    user: DevUser,
    action: { verb: string; data?: Record<string, unknown> },
    replyToId?: string,
  ): Promise<BotResponse> {
    return this.send({
      ...this.personalActivity(user),
      type: "invoke",
      name: "adaptiveCard/action",
      ...(replyToId ? { replyToId } : {}),
      value: { action: { type: "Action.Execute", verb: action.verb, data: action.data ?? {} }, trigger: "manual" },
    });
  }

  /** A press on an Action.Execute button of a card the bot posted in a team channel. */
  channelCardAction(
    user: DevUser,
    channelId: string,
    action: { verb: string; data?: Record<string, unknown> },
    replyToId?: string,
  ): Promise<BotResponse> {
    const personal = this.personalActivity(user);
    return this.send({
      ...personal,
      conversation: { id: channelId, conversationType: "channel", isGroup: true, tenantId: this.tenantId },
      channelData: { tenant: { id: this.tenantId }, channel: { id: channelId } },
      type: "invoke",
      name: "adaptiveCard/action",
      ...(replyToId ? { replyToId } : {}),
      value: { action: { type: "Action.Execute", verb: action.verb, data: action.data ?? {} }, trigger: "manual" },
    });
  }

  /** Posts any activity to the bot (opening its conversation at the connector first). */
  async send(activity: Record<string, unknown>): Promise<BotResponse> {
    const conversation = activity.conversation as { id?: string } | undefined;
    if (conversation?.id) this.options.connector.openConversation(conversation.id);
    const response = await fetch(this.options.botEndpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: keep the text as the bot sent it.
    }
    return { status: response.status, body };
  }

  private personalActivity(user: DevUser) {
    return {
      id: randomUUID(),
      channelId: "msteams",
      serviceUrl: this.options.serviceUrl,
      timestamp: new Date().toISOString(),
      locale: "en-GB",
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      recipient: { id: this.botId, name: this.botName },
      conversation: { id: this.personalConversationId(user), conversationType: "personal", tenantId: this.tenantId },
      channelData: { tenant: { id: this.tenantId } },
    };
  }
}
