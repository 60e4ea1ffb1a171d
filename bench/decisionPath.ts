import { parseArgs } from "node:util";
import { ActivityHandler, type AdaptiveCardInvokeResponse } from "botbuilder";
import express from "express";
import { pino } from "pino";
import { createAdapter } from "../bot/adapter";
import type { DevUser } from "../bot/devchannel/driver";
import { startDevChannel } from "../bot/devchannel/startDevChannel";
import { devicesSync } from "../graph/sync/devicesSync";
import { runSync } from "../graph/sync/runSync";
import { usersSync } from "../graph/sync/usersSync";
import { listen } from "../server/listen";
import { startIctHub } from "../server/start";
import { writeBenchmarkSection } from "./benchmarksDoc";
import { benchAppConfig, benchEngine, engineName, throwawayStore } from "./benchStore";

/**
 * The decision path under concurrent presses: bursts of simultaneous
 * "Approve" invokes on one request each (one wins, the rest get the final
 * card), against a bare botbuilder bot answering the same invokes with a fixed
 * card on an adapter built the same way, in one run. Results go to
 * docs/benchmarks.md unless --dry-run.
 */
const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "40" },
    concurrency: { type: "string", default: "20" },
    engine: { type: "string", default: "pglite" },
    "dry-run": { type: "boolean", default: false },
  },
});
const requestCount = Number(values.requests);
const concurrency = Number(values.concurrency);
const engine = benchEngine(values.engine);
const silent = pino({ level: "silent" });
const throwaway = await throwawayStore(engine);
const config = benchAppConfig(throwaway.config, { staff: 200, devices: 240 });

const fixedCard: AdaptiveCardInvokeResponse = {
  statusCode: 200,
  type: "application/vnd.microsoft.card.adaptive",
  value: { type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: "Approved" }] },
};
class FixedCardBot extends ActivityHandler {
  protected override async onAdaptiveCardInvoke(): Promise<AdaptiveCardInvokeResponse> {
    return fixedCard;
  }
}
const baselineAdapter = createAdapter(config.bot, silent);
const baselineBot = new FixedCardBot();
const baselineApp = express();
baselineApp.post("/api/messages", express.json(), (req, res) =>
  baselineAdapter.process(req, res, (c) => baselineBot.run(c)),
);
const baselineServer = await listen(baselineApp, 0, "127.0.0.1");

const app = await startIctHub(config, { log: silent });
for (const job of [usersSync, devicesSync]) await runSync(app.syncDeps, job);
const pairs = await app.store.db
  .selectFrom("directory_user as staff")
  .innerJoin("directory_user as boss", "boss.id", "staff.manager_id")
  .select([
    "staff.id as staffId",
    "staff.display_name as staffName",
    "boss.id as bossId",
    "boss.display_name as bossName",
  ])
  .where("staff.removed_at", "is", null)
  .orderBy("staff.id")
  .limit(requestCount)
  .execute();

const appChannel = await startDevChannel({ botEndpoint: `${app.url}/api/messages` });
const baselineChannel = await startDevChannel({ botEndpoint: `${baselineServer.url}/api/messages` });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One request per pair, raised through the bot as staff raise them; its approver has a chat. */
const requests: { manager: DevUser; requestId: number }[] = [];
for (const pair of pairs) {
  const { driver } = appChannel;
  const staff = driver.user(pair.staffName, pair.staffId);
  const manager = driver.user(pair.bossName, pair.bossId);
  await driver.install(staff);
  await driver.install(manager);
  const submitted = await driver.cardAction(staff, {
    verb: "request.submit",
    data: { kind: "standard-laptop", reason: "Benchmark", urgency: "normal", justification: "Benchmark" },
  });
  const card = (submitted.body as { value: { actions?: { data?: { requestId?: number } }[] } }).value;
  requests.push({ manager, requestId: Number(card.actions?.[0]?.data?.requestId) });
  await pause(150);
}

async function burst(send: () => Promise<{ status: number }>): Promise<number[]> {
  return Promise.all(
    Array.from({ length: concurrency }, async () => {
      const started = performance.now();
      const response = await send();
      if (response.status !== 200) throw new Error(`an invoke answered ${response.status}`);
      return performance.now() - started;
    }),
  );
}

const decision: number[] = [];
const baseline: number[] = [];
const checker = baselineChannel.driver.user("Baseline Manager");
for (const { manager, requestId } of requests) {
  baseline.push(
    ...(await burst(() =>
      baselineChannel.driver.cardAction(checker, { verb: "request.approve", data: { requestId } }),
    )),
  );
  decision.push(
    ...(await burst(() => appChannel.driver.cardAction(manager, { verb: "request.approve", data: { requestId } }))),
  );
  // Teams allows an app 50 messages a second: each decision sends one.
  await pause(100);
}
const decided = await app.store.db
  .selectFrom("device_request_audit")
  .select((eb) => eb.fn.countAll<number>().as("n"))
  .where("action", "=", "approved")
  .executeTakeFirstOrThrow();
if (Number(decided.n) !== requests.length) throw new Error(`expected ${requests.length} decisions, found ${decided.n}`);

await appChannel.stop();
await baselineChannel.stop();
await app.stop();
await baselineServer.close(1_000);
await throwaway.drop();

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] as number;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const ratio = (p: number) => (percentile(decision, p) / percentile(baseline, p)).toFixed(2);
const lines = [
  `Run ${new Date().toISOString().slice(0, 10)} on ${process.version}, ${requests.length} requests × ${concurrency} simultaneous presses, ${engineName(engine)}; one decision per request (checked).`,
  "",
  "| measure | fixed-card bot | decision path | ratio |",
  "|---|---|---|---|",
  `| median | ${ms(percentile(baseline, 0.5))} | ${ms(percentile(decision, 0.5))} | **${ratio(0.5)}** |`,
  `| p99 | ${ms(percentile(baseline, 0.99))} | ${ms(percentile(decision, 0.99))} | ${ratio(0.99)} |`,
];
process.stdout.write(`${lines.join("\n")}\n`);
if (!values["dry-run"]) writeBenchmarkSection(`decision-path-${engine}`, lines);
