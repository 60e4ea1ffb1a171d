import { randomBytes, randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Logger } from "pino";
import { createAdapter } from "../bot/adapter";
import { IctHubBot } from "../bot/ictHubBot";
import { createOutbox, type Outbox } from "../bot/outbox/outbox";
import { defaultSenderOptions, OutboxSender } from "../bot/outbox/outboxSender";
import { globalServiceUrl, Recipients } from "../bot/outbox/recipients";
import { botbuilderChannel } from "../bot/outbox/teamsChannel";
import { requestForm } from "../bot/requests/requestActions";
import type { RequestDeps } from "../bot/requests/requestNotices";
import type { Config } from "../core/config";
import { refreshSnapshots } from "../core/refresh/refreshSnapshot";
import { loadArticles } from "../core/selfhelp/loadArticles";
import { createKnowledgeBase } from "../core/selfhelp/searchIndex";
import { migrateToLatest } from "../core/store/migrate";
import { openStore, type Store } from "../core/store/openStore";
import { storeCredentials } from "../graph/auth/managedIdentity";
import { connectGraph, type GraphAccess } from "../graph/connectGraph";
import { createSyncDeps } from "../graph/sync/createSyncDeps";
import type { SyncDeps } from "../graph/sync/syncContext";
import { adminRoutes } from "./adminRoutes";
import { adoptionTipWorker } from "./adoptionTipWorker";
import { createHttpApp } from "./app";
import { approvalWorker } from "./approvalWorker";
import { heartbeatWorker } from "./heartbeatWorker";
import { helpRoute } from "./helpRoute";
import { type LeaseDeps, leased, leasedSyncWorkers } from "./leasedWorker";
import { listen } from "./listen";
import { outboxWorker } from "./outboxWorker";
import { pulseWorker } from "./pulseWorker";
import { refreshSnapshotWorker } from "./refreshSnapshotWorker";
import { removeServerFile, writeServerFile } from "./serverFile";
import { tabApi } from "./tabApi/tabApi";
import { tokenValidator } from "./tabApi/tokenValidator";
import { type RunningWorkers, startWorkers } from "./workers";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

export const appVersion: string = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")).version;

/** The running app, as tests and the process entry hold it. */
export type RunningApp = {
  url: string;
  store: Store;
  graph: GraphAccess;
  /** What the sync jobs run with (tests and the admin route run syncs on demand). */
  syncDeps: SyncDeps;
  /** What device requests run with (tests chase approvals on demand). */
  requests: RequestDeps;
  /** Every proactive message goes through it (tests settle it before reading the channel). */
  outbox: Outbox;
  /** Drains HTTP, stops workers and closes the store. */
  stop(): Promise<void>;
};

export type StartOptions = {
  log: Logger;
  /** Folder of the built tabs; defaults to dist/tabs. */
  tabsDir?: string;
  /** The clock for time-based work (approval reminders); tests move it. */
  now?: () => Date;
};

/** The sentence that opens every log: which tenant, which store, whether bot auth is on. */
export function startupSummary(config: Config): string {
  const store =
    config.store.engine === "pglite" ? `embedded PGlite in ${config.store.dataDir}` : "PostgreSQL (DATABASE_URL)";
  return config.mode === "dev-tenant"
    ? `ICT Hub ${appVersion} starting in dev-tenant mode: no Microsoft tenant is configured, so bot authentication is off and the server listens on loopback only; store: ${store}`
    : `ICT Hub ${appVersion} starting for tenant ${config.tenant?.tenantId}; bot authentication on; store: ${store}`;
}

/**
 * Opens and migrates the store, then serves the bot, tab API, tabs and health
 * checks and runs the workers.
 * @throws AppError (store_locked, store_corrupt, store_unavailable) before anything listens.
 */
export async function startIctHub(config: Config, options: StartOptions): Promise<RunningApp> {
  const { log } = options;
  const store = await openStore(config.store, storeCredentials(config.store));
  let workers: RunningWorkers | undefined;
  let graph: GraphAccess | undefined;
  try {
    const applied = await migrateToLatest(store.db);
    log.info({ engine: store.engine, location: store.location, applied }, "store ready");

    const instanceId = randomUUID();
    const stopping = new AbortController();
    // Every send waiting for its slot listens for shutdown.
    setMaxListeners(0, stopping.signal);
    graph = await connectGraph(config, log);
    const syncDeps = createSyncDeps(graph, store.db, log, instanceId, config.sync.usageRetentionDays);
    const adminToken = randomBytes(24).toString("base64url");

    const adapter = createAdapter(config.bot, log);
    const botAppId = config.bot.appId ?? "";
    const channel = botbuilderChannel(adapter, botAppId);
    const outbox = createOutbox({
      db: store.db,
      log,
      sender: new OutboxSender(
        {
          db: store.db,
          log,
          channel,
          recipients: new Recipients({
            db: store.db,
            log,
            channel,
            graph: graph.client,
            teamsAppId: config.teamsApp.id,
            fallbackServiceUrl: config.tenant ? globalServiceUrl : null,
          }),
        },
        { ...defaultSenderOptions, senderId: instanceId, leaseMs: config.outbox.leaseMs },
      ),
      sendInBackground: config.workersEnabled,
      signal: stopping.signal,
    });
    const knowledge = createKnowledgeBase(await loadArticles());
    const requests: RequestDeps = {
      db: store.db,
      log,
      outbox,
      channelId: config.serviceDeskChannelId,
      ictApprovers: config.ictApprovers,
      refreshPolicy: config.refresh,
      now: options.now ?? (() => new Date()),
    };
    const bot = new IctHubBot({
      db: store.db,
      log,
      councilName: config.teamsApp.councilName,
      teamsAppId: config.teamsApp.id,
      selfHelp: {
        db: store.db,
        log,
        outbox,
        channelId: config.serviceDeskChannelId,
        knowledge,
        publicUrl: config.server.publicUrl,
        deviceRequestForm: (context) => requestForm(requests, context),
      },
      requests,
    });
    const refreshSnapshot = refreshSnapshots(store.db, config.refresh, requests.now);
    const app = createHttpApp({
      db: store.db,
      log,
      adapter,
      bot,
      botAuthenticationOn: config.bot.appId !== null,
      tabsDir: options.tabsDir ?? join(projectRoot, "dist", "tabs"),
      tabRouter: tabApi({
        requests,
        knowledge,
        publicUrl: config.server.publicUrl,
        auth: {
          db: store.db,
          validate: tokenValidator({ ...graph.connection, fetch: graph.fetch }),
          ictStaff: config.ictStaff,
        },
        authConfig: {
          authority: graph.connection.authority,
          clientId: graph.connection.clientId,
          scope: `api://${new URL(config.server.publicUrl).hostname}/${graph.connection.clientId}/access_as_user`,
          devSignIn: graph.devTenant !== null,
        },
        refreshSnapshot,
        migrationTolerancePercent: config.migration.verifyTolerancePercent,
        adoption: config.adoption,
      }),
      adminRouter: adminRoutes(adminToken, syncDeps, config.refresh),
      pageRouters: [helpRoute((id) => knowledge.article(id))],
    });
    const http = await listen(app, config.server.port, config.server.host);
    log.info({ url: http.url, publicUrl: config.server.publicUrl }, "listening");
    writeServerFile(config.store, { pid: process.pid, url: http.url, adminToken });

    if (config.workersEnabled) {
      const heartbeat = heartbeatWorker(store.db, {
        id: instanceId,
        host: hostname(),
        pid: process.pid,
        version: appVersion,
        startedAt: new Date(),
      });
      const lease: LeaseDeps = {
        db: store.db,
        log,
        holder: instanceId,
        leaseMs: config.jobs.leaseMs,
        intervalMs: config.jobs.testIntervalMs,
      };
      // Store-wide jobs run once per due time across instances (leased); the heartbeat and the
      // refresh snapshot (a cache in this process) are per instance; the outbox shares its rows itself.
      workers = startWorkers(
        [
          heartbeat,
          leased(approvalWorker(requests), lease),
          refreshSnapshotWorker(refreshSnapshot),
          outboxWorker(outbox),
          leased(pulseWorker({ db: store.db, log, outbox, now: requests.now }), lease),
          leased(adoptionTipWorker({ db: store.db, log, now: requests.now }), lease),
          ...(config.sync.scheduled ? leasedSyncWorkers(syncDeps, lease) : []),
        ],
        log,
      );
    }

    const connected = graph;
    return {
      url: http.url,
      store,
      graph: connected,
      syncDeps,
      requests,
      outbox,
      async stop() {
        await http.close(config.server.shutdownGraceMs);
        stopping.abort();
        await workers?.stop(config.server.shutdownGraceMs);
        removeServerFile(config.store);
        await connected.close();
        await store.close();
      },
    };
  } catch (error) {
    await workers?.stop();
    await graph?.close();
    await store.close();
    throw error;
  }
}
