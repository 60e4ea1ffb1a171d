import { parseArgs } from "node:util";
import { ActivityHandler } from "botbuilder";
import express from "express";
import { pino } from "pino";
import { createAdapter } from "../bot/adapter";
import { startDevChannel } from "../bot/devchannel/startDevChannel";
import { listen } from "../server/listen";
import { startIctHub } from "../server/start";
import { writeBenchmarkSection } from "./benchmarksDoc";
import { benchAppConfig, benchEngine, engineName, throwawayStore } from "./benchStore";

/**
 * The cost of one self-help turn (search, question log, answer card) through
 * /api/messages, against a bare botbuilder echo bot on an adapter built the
 * same way, both replying into the dev channel, in one run. Results go to
 * docs/benchmarks.md unless --dry-run.
 */
const { values } = parseArgs({
  options: {
    turns: { type: "string", default: "800" },
    engine: { type: "string", default: "pglite" },
    "dry-run": { type: "boolean", default: false },
  },
});
const turns = Number(values.turns);
const questions = [
  "I've forgotten my password",
  "teams camera not working",
  "onedrive won't sync",
  "printer queue stuck",
  "laptop is really slow",
  "how do I get on the guest wifi",
  "what time does the canteen open",
];

const engine = benchEngine(values.engine);
const silent = pino({ level: "silent" });
const throwaway = await throwawayStore(engine);
const config = benchAppConfig(throwaway.config, { staff: 40, devices: 40 });

const echoAdapter = createAdapter(config.bot, silent);
const echo = new ActivityHandler();
echo.onMessage(async (context, next) => {
  await context.sendActivity(`You said: ${context.activity.text}`);
  await next();
});
const echoApp = express();
echoApp.post("/api/messages", express.json(), (req, res) => echoAdapter.process(req, res, (c) => echo.run(c)));
const echoServer = await listen(echoApp, 0, "127.0.0.1");
const app = await startIctHub(config, { log: silent });

type Channel = Awaited<ReturnType<typeof startDevChannel>>;

/** One dev channel per bot for the whole run, as Teams keeps one service URL. */
async function channelFor(endpoint: string) {
  const channel = await startDevChannel({ botEndpoint: endpoint });
  return { channel, people: Array.from({ length: 50 }, (_, i) => channel.driver.user(`Person ${i}`)) };
}

async function measure(
  { channel, people }: { channel: Channel; people: ReturnType<Channel["driver"]["user"]>[] },
  count: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await channel.driver.message(
      people[i % people.length] as (typeof people)[number],
      questions[i % questions.length] as string,
    );
    if (response.status !== 200) throw new Error(`a turn answered ${response.status}`);
    times.push(performance.now() - started);
    // Teams allows an app 50 messages a second; pausing outside the timed turns keeps both bots under it.
    if (i % 40 === 39) await new Promise((r) => setTimeout(r, 1_050));
  }
  return times;
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] as number;

// Warm both paths (JIT, first-contact rows), then alternate rounds so that
// drift on the machine falls on both sides alike.
const echoChannel = await channelFor(`${echoServer.url}/api/messages`);
const appChannel = await channelFor(`${app.url}/api/messages`);
await measure(echoChannel, 80);
await measure(appChannel, 80);
const rounds = 8;
const baseline: number[] = [];
const selfHelp: number[] = [];
for (let round = 0; round < rounds; round++) {
  baseline.push(...(await measure(echoChannel, Math.ceil(turns / rounds))));
  selfHelp.push(...(await measure(appChannel, Math.ceil(turns / rounds))));
}
await echoChannel.channel.stop();
await appChannel.channel.stop();
await app.stop();
await echoServer.close(1_000);
await throwaway.drop();

const ms = (x: number) => `${x.toFixed(1)} ms`;
const ratio = (p: number) => percentile(selfHelp, p) / percentile(baseline, p);
const lines = [
  `Run ${new Date().toISOString().slice(0, 10)} on ${process.version}, ${baseline.length} turns each in ${rounds} alternating rounds after 80 to warm up, 50 people, ${engineName(engine)}.`,
  "",
  "| measure | echo bot | self-help turn | ratio |",
  "|---|---|---|---|",
  `| median | ${ms(percentile(baseline, 0.5))} | ${ms(percentile(selfHelp, 0.5))} | **${ratio(0.5).toFixed(2)}** (goal ≤ 1.5) |`,
  `| p99 | ${ms(percentile(baseline, 0.99))} | ${ms(percentile(selfHelp, 0.99))} | ${ratio(0.99).toFixed(2)} |`,
];
process.stdout.write(`${lines.join("\n")}\n`);
if (!values["dry-run"]) writeBenchmarkSection(`selfhelp-turn-${engine}`, lines);
