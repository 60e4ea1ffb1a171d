import { createHash } from "node:crypto";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import express from "express";
import { adminRoutes } from "./adminRoutes";
import type { Council, CouncilChanges } from "./council/types";
import { FaultInjector, type FaultOptions } from "./faults";
import { GraphDispatcher } from "./graphApi/graphDispatcher";
import { graphHttp } from "./graphApi/graphHttp";
import type { ActivityFor, GraphContext } from "./graphApi/graphTypes";
import { ReportDownloads } from "./graphApi/reports/reportDownloads";
import { graphReportLimit, ReportThrottle, type ReportThrottleOptions } from "./graphApi/reports/reportThrottle";
import { graphRoutes } from "./graphApi/routes";
import { identityRoutes } from "./identity/identityRoutes";
import { createSigningKey } from "./identity/signingKey";
import type { TenantIdentity } from "./identity/tenantIdentity";
import { TokenService, type UserTokenOptions } from "./identity/tokens";
import { type RequestArea, RequestLog } from "./requestLog";
import { localhostCertificate, type TlsCertificate } from "./tls";

export type DevTenantOptions = {
  /** The organisation served; `advance` and installs change it in place. */
  council: Council;
  /** One person's use on one day: drives every usage report. */
  activityFor: ActivityFor;
  /** Moves the council on by whole days (joiners, leavers, movers); without it `advance` throws. */
  advanceCouncil?: (council: Council, days: number) => CouncilChanges;
  /** 0 (the default) picks a free port. */
  port?: number;
  faults?: FaultOptions;
  /** The clock for tokens, report links and throttling; report dates follow `council.today` instead. */
  now?: () => Date;
  /** Default: derived from the tenant id, so that a restarted tenant keeps working with the same config. */
  clientId?: string;
  /** Default: derived from the tenant id (a dev tenant on loopback holds nothing worth a secret). */
  clientSecret?: string;
  /** Reuse a certificate (e.g. one the browser already trusts); default: a new one made in memory. */
  tls?: TlsCertificate;
  /** Graph's 14 report calls per 10 minutes per report, or another limit, or false for none (tests). */
  reportThrottle?: ReportThrottleOptions | false;
  /** How many requests the log keeps (default 10,000). */
  requestLogSize?: number;
};

/** A running dev tenant: where it is, its app registration, and its controls. */
export type DevTenant = {
  /** https://localhost:PORT */
  url: string;
  /** MSAL's authority: https://localhost:PORT/{tenantId} */
  authority: string;
  /** Graph's base: /v1.0 and /beta sit under it. */
  graphBaseUrl: string;
  /** The self-signed certificate (PEM) to trust: it is its own CA. */
  caCertPem: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  requestLog: RequestLog;
  setFaults(faults: FaultOptions): void;
  council: Council;
  /** Moves the council on by days, as the generator's advanceCouncil does. */
  advance(days: number): CouncilChanges;
  /** A token as Teams SSO gives a tab, for the app's own API (default audience api://localhost/{clientId}). */
  issueUserToken(userId: string, options?: UserTokenOptions): Promise<string>;
  stop(): Promise<void>;
};

/** Starts Entra ID and Microsoft Graph for one generated council, over HTTPS on loopback. */
export async function startDevTenant(options: DevTenantOptions): Promise<DevTenant> {
  const { council } = options;
  const now = options.now ?? (() => new Date());
  const tls = options.tls ?? (await localhostCertificate());
  const server = createServer({ cert: tls.cert, key: tls.key });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const url = `https://localhost:${(server.address() as AddressInfo).port}`;

  const identity: TenantIdentity = {
    tenantId: council.tenantId,
    clientId: options.clientId ?? derivedGuid(council.tenantId, "client"),
    clientSecret: options.clientSecret ?? `dev~${derived(council.tenantId, "secret").slice(0, 32)}`,
    servicePrincipalId: derivedGuid(council.tenantId, "service principal"),
    baseUrl: url,
  };
  const key = await createSigningKey();
  const tokens = new TokenService(identity, key, now);
  const log = new RequestLog(options.requestLogSize);
  const faults = new FaultInjector(options.faults);
  const ctx: GraphContext = { council, baseUrl: url, activityFor: options.activityFor, now };
  const downloads = new ReportDownloads(now);
  const dispatcher = new GraphDispatcher({
    ctx,
    tokens,
    faults,
    log,
    routes: graphRoutes({ downloads, throttle: new ReportThrottle(options.reportThrottle ?? graphReportLimit, now) }),
    authorizeUrl: `${url}/${identity.tenantId}/oauth2/v2.0/authorize`,
  });
  const advance = (days: number) => {
    if (!options.advanceCouncil) throw new Error("This dev tenant was started without advanceCouncil.");
    return options.advanceCouncil(council, days);
  };

  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.use((req, res, next) => {
    // Read now: routers mounted on a path rewrite req.url while they handle it.
    const area = areaOf(req.path);
    const url = req.originalUrl;
    res.on("finish", () => log.add({ at: now().toISOString(), method: req.method, url, status: res.statusCode, area }));
    next();
  });
  app.use(graphHttp(dispatcher));
  app.get("/_reports/:file", (req, res) => downloads.serve(req, res));
  app.use(adminRoutes({ faults, log, advance, council }));
  app.use(identityRoutes({ identity, tokens, key, council }));
  app.use((_req, res) => {
    res.status(404).json({ error: { code: "NotFound", message: "The dev tenant has no such route." } });
  });
  server.on("request", app);

  return {
    url,
    authority: `${url}/${identity.tenantId}`,
    graphBaseUrl: url,
    caCertPem: tls.cert,
    tenantId: identity.tenantId,
    clientId: identity.clientId,
    clientSecret: identity.clientSecret,
    requestLog: log,
    setFaults: (f) => faults.set(f),
    council,
    advance,
    issueUserToken: (userId, tokenOptions) => {
      const user = council.users.get(userId);
      if (!user) return Promise.reject(new Error(`No user ${userId} in the council.`));
      return tokens.userToken(user, tokenOptions);
    },
    stop: () => close(server),
  };
}

function areaOf(path: string): RequestArea {
  if (path.startsWith("/v1.0/") || path.startsWith("/beta/")) return "graph";
  if (path.startsWith("/_reports/")) return "reportDownload";
  if (path.startsWith("/_admin/")) return "admin";
  if (/\/(oauth2|discovery|\.well-known)\//.test(path) || path.includes("/.well-known/")) return "identity";
  return "other";
}

function derived(tenantId: string, purpose: string): string {
  return createHash("sha256").update(`${purpose}:${tenantId}`).digest("base64url");
}

/** A GUID stable for the tenant, so that restarts with the same seed keep the same app registration. */
function derivedGuid(tenantId: string, purpose: string): string {
  const hex = createHash("sha256").update(`${purpose}:${tenantId}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Stops accepting, lets in-flight requests finish for a second, then cuts keep-alive connections. */
function close(server: ReturnType<typeof createServer>): Promise<void> {
  return new Promise<void>((resolve) => {
    const cutoff = setTimeout(() => server.closeAllConnections(), 1_000);
    // A keep-alive connection turns idle once its last response is sent; close it then.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    server.close(() => {
      clearTimeout(cutoff);
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}
