import type { Client } from "@microsoft/microsoft-graph-client";
import type { Logger } from "pino";
import {
  channelReachedThrough,
  findPersonalConversation,
  latestConversation,
  recordConversation,
} from "../../core/conversations/conversationRepository";
import type { StoredConversationReference } from "../../core/conversations/conversationTable";
import type { DeliveryReason } from "../../core/outbox/outboxTables";
import type { Db } from "../../core/store/database";
import { catalogAppId, installForUser } from "../../graph/api/teamsApps";
import type { TeamsChannel } from "./teamsChannel";

/** Teams' global Bot Connector address, for an app that has not heard from Teams yet. */
export const globalServiceUrl = "https://smba.trafficmanager.net/teams/";

export type Reached = { reference: StoredConversationReference } | { unreachable: DeliveryReason; detail?: string };

export type RecipientDeps = {
  db: Db;
  log: Logger;
  channel: TeamsChannel;
  graph: Client;
  /** The app's manifest id: the catalogue is asked for its own id once. */
  teamsAppId: string;
  /**
   * Where to open a chat when the app has not yet heard from Teams: Teams'
   * global address with a tenant, none with the dev tenant (there is no Teams
   * to reach until the dev channel or the Playground has spoken to the bot).
   */
  fallbackServiceUrl: string | null;
};

/**
 * Finds where a delivery goes: a stored conversation, or for a person with
 * none, the app installed for them through Graph and their 1:1 chat opened.
 */
export class Recipients {
  private catalogId: Promise<string | null> | null = null;

  constructor(private readonly deps: RecipientDeps) {}

  /** A conversation the app has seen, or a channel reached through any conversation's service URL. */
  async reference(conversationId: string): Promise<StoredConversationReference | null> {
    const row = await this.deps.db
      .selectFrom("bot_conversation")
      .select("reference")
      .where("id", "=", conversationId)
      .executeTakeFirst();
    if (row) return row.reference;
    const via = await latestConversation(this.deps.db);
    return via ? channelReachedThrough(via, conversationId) : null;
  }

  /** A person's 1:1 chat with the app, opening it (and installing the app) when there is none. */
  async person(aadObjectId: string): Promise<Reached> {
    const { db } = this.deps;
    const known = await findPersonalConversation(db, aadObjectId);
    if (known) return { reference: known.reference };

    const person = await db
      .selectFrom("directory_user")
      .select(["account_enabled"])
      .where("id", "=", aadObjectId)
      .executeTakeFirst();
    if (!person?.account_enabled) return { unreachable: "not-in-directory" };

    const catalogId = await this.catalogAppId();
    if (!catalogId) return { unreachable: "app-blocked", detail: "the app is not in the organisation's catalogue" };
    const outcome = await installForUser(this.deps.graph, aadObjectId, catalogId);
    if (outcome === "no-teams" || outcome === "app-blocked") return { unreachable: outcome };

    const via = await latestConversation(db);
    const serviceUrl = via?.serviceUrl ?? this.deps.fallbackServiceUrl;
    if (!serviceUrl) return { unreachable: "teams-unknown" };
    const reference = await this.deps.channel.openPersonalChat({
      serviceUrl,
      tenantId: via?.conversation.tenantId ?? null,
      aadObjectId,
    });
    const chat: StoredConversationReference = {
      ...reference,
      conversation: { ...reference.conversation, conversationType: "personal" },
      user: { id: reference.user?.id ?? aadObjectId, aadObjectId },
    };
    await recordConversation(db, {
      reference: chat,
      conversationType: "personal",
      user: { aadObjectId, teamsUserId: chat.user?.id ?? aadObjectId },
    });
    this.deps.log.info({ conversationId: chat.conversation.id }, "opened a 1:1 chat for a proactive message");
    return { reference: chat };
  }

  private catalogAppId(): Promise<string | null> {
    this.catalogId ??= catalogAppId(this.deps.graph, this.deps.teamsAppId).catch((error: unknown) => {
      this.catalogId = null;
      throw error;
    });
    return this.catalogId;
  }
}
