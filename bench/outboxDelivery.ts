import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { pulseCard } from "../bot/cards/pulseCards";
import { DevConnector } from "../bot/devchannel/connector";
import { type DevChannel, startDevChannel } from "../bot/devchannel/startDevChannel";
import type { TranscriptEntry } from "../bot/devchannel/transcript";
import { deliveryReport, enqueueMessage } from "../core/outbox/outbox";
import { migrateToLatest } from "../core/store/migrate";
import { openStore } from "../core/store/openStore";
import { peopleWithChats } from "../test/support/outboxFixture";
import { type ServerProcess, spawnServer } from "../test/support/process";
import { writeBenchmarkSection } from "./benchmarksDoc";
import { type BenchEngine, benchEngine, engineName, throwawayStore } from "./benchStore";

/**
 * `npm run bench:outbox [-- --engine postgres] [--cards N]`: sends N pulse
 * cards (default 10,000) through the dev channel, which enforces Teams'
 * limits, from the app as `npm start` runs it; once straight through and once
 * with the app killed (SIGKILL) half way and started again. Reports the rate
 * as a share of Teams' 50 a second, and the duplicates and losses counted
 * from what the channel received.
 */
const { values } = parseArgs({
  options: { engine: { type: "string" }, cards: { type: "string" }, "dry-run": { type: "boolean" } },
});
const engine = benchEngine(values.engine);
const cards = Number(values.cards ?? 10_000);

type Run = {
  label: string;
  delivered: number;
  ratePerSecond: number;
  throttled: number;
  duplicates: number;
  losses: number;
  flagged: number;
  downtimeSeconds: number;
};

async function run(label: string, killHalfWay: boolean): Promise<Run> {
  const store = await throwawayStore(engine);
  const channel = await startDevChannel({ botEndpoint: "http://127.0.0.1:9/api/messages" });
  const people = await seed(store.config, channel);
  const env = {
    PORT: "0",
    ...(store.config.engine === "postgres" ? { DATABASE_URL: store.config.url } : { DATA_DIR: store.config.dataDir }),
    GRAPH_SYNC_SCHEDULED: "false",
    OUTBOX_LEASE_SECONDS: "5",
    LOG_LEVEL: "warn",
  };
  const delivered = () => channel.connector.transcript.delivered().length;
  let downtimeSeconds = 0;
  let app: ServerProcess = spawnServer(env);
  if (killHalfWay) {
    await until(() => delivered() >= cards / 2, app);
    app.child.kill("SIGKILL");
    await app.exited;
    const killedAt = Date.now();
    app = spawnServer(env);
    await until(() => delivered() > cards / 2 + 5, app);
    downtimeSeconds = (Date.now() - killedAt) / 1000;
  }
  await until(() => new Set(channel.connector.transcript.delivered().map((e) => e.conversationId)).size >= cards, app);
  // Anything in doubt at the kill is resent after the lease: give it the time to show.
  if (killHalfWay) await sleep(6_000);
  app.child.kill("SIGTERM");
  await app.exited;

  const entries = channel.connector.transcript.delivered();
  const copies = new Map<string, number>();
  for (const e of entries) copies.set(e.conversationId, (copies.get(e.conversationId) ?? 0) + 1);
  const opened = await openStore(store.config);
  const report = await deliveryReport(opened.db, ["bench:pulse"]);
  await opened.close();
  await channel.stop();
  await store.drop();
  return {
    label,
    delivered: entries.length,
    ratePerSecond: sendingRate(entries, downtimeSeconds),
    throttled: channel.connector.transcript.throttled().length,
    duplicates: [...copies.values()].filter((n) => n > 1).length,
    losses: people.filter((p) => !copies.has(p)).length,
    flagged: report.possibleDuplicates,
    downtimeSeconds,
  };
}

/** People with a chat each, and one pulse card for all of them in the outbox. */
async function seed(config: Awaited<ReturnType<typeof throwawayStore>>["config"], channel: DevChannel) {
  const store = await openStore(config);
  await migrateToLatest(store.db);
  // One transaction: ten thousand commits to a PGlite folder would take minutes.
  const people = await store.db.transaction().execute((trx) => peopleWithChats(trx, channel, cards));
  const card = pulseCard({
    draft: {
      title: "How is ICT doing?",
      ratingQuestion: "How satisfied are you with ICT services?",
      askRecommend: true,
      askComment: true,
      anonymous: true,
    },
    runId: 1,
    closesAt: new Date(Date.now() + 14 * 86_400_000),
  });
  await enqueueMessage(store.db, {
    key: "bench:pulse",
    purpose: "pulse.invite",
    activity: { card },
    recipients: people.map((aadObjectId) => ({ aadObjectId })),
  });
  await store.close();
  return people.map((aadObjectId) => DevConnector.personalConversationId(`29:dev-${aadObjectId}`));
}

/** Sends per second from the first to the last delivery, the restart's downtime left out. */
function sendingRate(entries: TranscriptEntry[], downtimeSeconds: number): number {
  const first = Date.parse(entries[0]?.at ?? "0");
  const last = Date.parse(entries.at(-1)?.at ?? "0");
  const seconds = (last - first) / 1000 - downtimeSeconds;
  return seconds > 0 ? (entries.length - 1) / seconds : 0;
}

async function until(done: () => boolean, app: ServerProcess) {
  const deadline = Date.now() + cards * 100 + 120_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`the app did not finish: ${app.stderr().slice(-2000)}`);
    if (app.child.exitCode !== null) throw new Error(`the app stopped: ${app.stderr().slice(-2000)}`);
    await sleep(100);
  }
}

const runs = [await run("straight through", false), await run("killed half way, started again", true)];
const percent = (n: number) => `${((n / 50) * 100).toFixed(1)}%`;
const lines = [
  `${cards.toLocaleString("en-GB")} pulse cards through the dev channel (Teams' limits enforced), ${engineName(engine)}, ${new Date().toISOString().slice(0, 10)}:`,
  "",
  "| run | delivered | rate | share of 50/s | 429s | duplicates | losses | flagged in doubt | restart downtime |",
  "|---|---|---|---|---|---|---|---|---|",
  ...runs.map(
    (r) =>
      `| ${r.label} | ${r.delivered} | ${r.ratePerSecond.toFixed(2)}/s | ${percent(r.ratePerSecond)} | ${r.throttled} | ${r.duplicates} | ${r.losses} | ${r.flagged} | ${r.downtimeSeconds.toFixed(1)} s |`,
  ),
  "",
  "Goal: at least 98% of 50/s, no duplicate, no loss. The rate runs from the first delivery to the last, without the restart's downtime.",
];
console.log(lines.join("\n"));
if (!values["dry-run"]) writeBenchmarkSection(`outbox-delivery-${engine satisfies BenchEngine}`, lines);
