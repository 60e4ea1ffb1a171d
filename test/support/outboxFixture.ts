import { setTimeout as sleep } from "node:timers/promises";
import { Client } from "@microsoft/microsoft-graph-client";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { createAdapter } from "../../bot/adapter";
import { DevConnector } from "../../bot/devchannel/connector";
import type { DevChannel } from "../../bot/devchannel/startDevChannel";
import { defaultSenderOptions, OutboxSender, type SenderOptions } from "../../bot/outbox/outboxSender";
import { Recipients } from "../../bot/outbox/recipients";
import { botbuilderChannel, type TeamsChannel } from "../../bot/outbox/teamsChannel";
import { recordConversation } from "../../core/conversations/conversationRepository";
import { nextDueInMs } from "../../core/outbox/outboxQueue";
import type { Database, Db } from "../../core/store/database";

/** Graph for senders whose recipients all have chats already: any call to it is a test failure. */
const noGraph = Client.init({
  authProvider: () => {
    throw new Error("this sender was not expected to call Graph");
  },
});

/** An outbox sender as an app instance builds it (bot auth off), sending to the dev channel. */
export function senderFor(
  db: Kysely<Database>,
  log: Logger,
  options: Partial<SenderOptions> & { senderId: string },
  wrap: (channel: TeamsChannel) => TeamsChannel = (c) => c,
): OutboxSender {
  const adapter = createAdapter({ appId: null, appPassword: null, appType: "SingleTenant", tenantId: null }, log);
  const channel = wrap(botbuilderChannel(adapter, ""));
  return new OutboxSender(
    {
      db,
      log,
      channel,
      recipients: new Recipients({ db, log, channel, graph: noGraph, teamsAppId: "app", fallbackServiceUrl: null }),
    },
    { ...defaultSenderOptions, ...options },
  );
}

/** People who have each installed the app: their 1:1 chats, known to the store and to the dev channel. */
export async function peopleWithChats(db: Db, channel: DevChannel, count: number): Promise<string[]> {
  const people: string[] = [];
  for (let i = 0; i < count; i++) {
    const aadObjectId = `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
    const teamsUserId = `29:dev-${aadObjectId}`;
    const conversationId = DevConnector.personalConversationId(teamsUserId);
    channel.connector.openConversation(conversationId);
    await recordConversation(db, {
      conversationType: "personal",
      reference: {
        channelId: "msteams",
        serviceUrl: channel.serviceUrl,
        conversation: { id: conversationId, conversationType: "personal", tenantId: "dev" },
        bot: { id: "28:dev-bot" },
        user: { id: teamsUserId, aadObjectId },
      },
      user: { aadObjectId, teamsUserId },
    });
    people.push(aadObjectId);
  }
  return people;
}

/** Runs the senders side by side until every delivery has ended, waiting out retries (a 429's Retry-After). */
export async function drainTogether(db: Kysely<Database>, senders: OutboxSender[]): Promise<void> {
  const signal = new AbortController().signal;
  for (;;) {
    await Promise.all(senders.map((sender) => sender.drain(signal)));
    const next = await nextDueInMs(db);
    if (next === null) return;
    await sleep(next);
  }
}
