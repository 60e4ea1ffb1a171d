import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { type DevChannel, startDevChannel } from "../../bot/devchannel/startDevChannel";
import { loadConfig } from "../../core/config";
import { generateCouncil } from "../../graph/devtenant/council/generateCouncil";
import type { Council, CouncilUser } from "../../graph/devtenant/council/types";
import { runSync } from "../../graph/sync/runSync";
import { usersSync } from "../../graph/sync/usersSync";
import { createLogger } from "../../server/logger";
import { type RunningApp, startIctHub } from "../../server/start";

/** The app started for real on a free port, its captured logs and a dev channel aimed at it. */
export type TestApp = {
  app: RunningApp;
  channel: DevChannel;
  /** Every JSON log line the app wrote. */
  logs: Record<string, unknown>[];
  stop(): Promise<void>;
};

/**
 * Starts the whole app in dev-tenant mode on an in-memory store (or the given
 * environment), with an empty tabs folder unless one is given.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { now?: () => Date } = {},
): Promise<TestApp> {
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  const config = loadConfig({
    PORT: "0",
    DATA_DIR: "memory://",
    WORKERS_ENABLED: "false",
    LOG_LEVEL: "debug",
    DEV_TENANT_STAFF: "40",
    DEV_TENANT_DEVICES: "40",
    ...env,
  });
  const log = createLogger(config.logLevel, sink);
  const app = await startIctHub(config, {
    log,
    tabsDir: env.TABS_DIR ?? mkdtempSync(join(tmpdir(), "icthub-tabs-")),
    ...(options.now ? { now: options.now } : {}),
  });
  const channel = await startDevChannel({ botEndpoint: `${app.url}/api/messages` });
  return {
    app,
    channel,
    logs,
    async stop() {
      await channel.stop();
      await app.stop();
    },
  };
}

/**
 * The app on a generated council whose first enabled person is ICT staff, with
 * the directory synced. The council is the same for the same size and seed, so
 * the tests know its people before the app starts. `now`, given the council,
 * is the app's clock (tests start it on the council's today).
 */
export async function startCouncilApp(
  size: { seed: number; staff: number; devices: number },
  env: Record<string, string> = {},
  options: { now?: (council: Council) => () => Date } = {},
): Promise<{ t: TestApp; council: Council; enabled: CouncilUser[] }> {
  const council = generateCouncil(size);
  const enabled = [...council.users.values()].filter((u) => u.accountEnabled);
  const ictPerson = enabled[0];
  if (!ictPerson) throw new Error("the dev council has nobody enabled");
  const t = await startTestApp(
    {
      DEV_TENANT_STAFF: String(size.staff),
      DEV_TENANT_DEVICES: String(size.devices),
      DEV_TENANT_SEED: String(size.seed),
      ICT_STAFF: ictPerson.userPrincipalName,
      ...env,
    },
    options.now ? { now: options.now(council) } : {},
  );
  const synced = await runSync(t.app.syncDeps, usersSync);
  if (synced.status !== "succeeded") throw new Error(`the users sync ${synced.status}`);
  return { t, council, enabled };
}
