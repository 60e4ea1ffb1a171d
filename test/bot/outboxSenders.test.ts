import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DevConnector } from "../../bot/devchannel/connector";
import { type DevChannel, startDevChannel } from "../../bot/devchannel/startDevChannel";
import type { TeamsChannel } from "../../bot/outbox/teamsChannel";
import { deliveryReport, enqueueMessage } from "../../core/outbox/outbox";
import { migrateToLatest } from "../../core/store/migrate";
import { openStore, type Store } from "../../core/store/openStore";
import { drainTogether, peopleWithChats, senderFor } from "../support/outboxFixture";
import { freshPostgresDatabase, postgresReachable } from "../support/storeEngines";

describe.skipIf(!postgresReachable)("two app instances sharing one outbox on PostgreSQL", () => {
  let channel: DevChannel;
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  let first: Store;
  let second: Store;
  const log = pino({ level: "silent" });

  beforeAll(async () => {
    channel = await startDevChannel({ botEndpoint: "http://127.0.0.1:9/api/messages" });
    database = await freshPostgresDatabase();
    first = await openStore({ engine: "postgres", url: database.url, poolMax: 5 });
    second = await openStore({ engine: "postgres", url: database.url, poolMax: 5 });
    await migrateToLatest(first.db);
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    await database.drop();
    await channel.stop();
  });

  it("sends every message once between them, each sender taking its own share, within Teams' rate", async () => {
    const people = await peopleWithChats(first.db, channel, 120);
    await enqueueMessage(first.db, {
      key: "shared",
      purpose: "test",
      activity: { text: "One each" },
      recipients: people.map((aadObjectId) => ({ aadObjectId })),
    });
    const sentBy = { a: 0, b: 0 };
    const counting =
      (name: "a" | "b") =>
      (channel: TeamsChannel): TeamsChannel => ({
        ...channel,
        async send(reference, activity) {
          const id = await channel.send(reference, activity);
          sentBy[name]++;
          return id;
        },
      });
    // Small batches, so that both instances are claiming while the other sends.
    await drainTogether(first.db, [
      senderFor(first.db, log, { senderId: "a", batchSize: 10 }, counting("a")),
      senderFor(second.db, log, { senderId: "b", batchSize: 10 }, counting("b")),
    ]);

    const transcript = channel.connector.transcript;
    for (const person of people) {
      const chat = DevConnector.personalConversationId(`29:dev-${person}`);
      expect(transcript.delivered(chat).map((e) => e.body.text)).toEqual(["One each"]);
    }
    expect(sentBy.a + sentBy.b).toBe(people.length);
    expect(sentBy.a).toBeGreaterThan(0);
    expect(sentBy.b).toBeGreaterThan(0);
    // The shared budget keeps the two together under Teams' 50 a second. Two instances each
    // sending at 49.5 a second would have about half refused; a send slowed inside the HTTP
    // client (the first of a process is) may still meet the other instance's next one.
    console.info(`two senders: ${transcript.throttled().length} of ${people.length} sends met a 429`);
    expect(transcript.throttled().length).toBeLessThan(people.length * 0.15);
    expect((await deliveryReport(first.db, ["shared"])).byState.sent).toBe(people.length);
  });
});
