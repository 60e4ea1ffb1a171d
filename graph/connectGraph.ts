import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Client } from "@microsoft/microsoft-graph-client";
import type { Logger } from "pino";
import type { Config } from "../core/config";
import { AppError } from "../core/errors";
import { managedIdentityToken, tokenExchangeResource } from "./auth/managedIdentity";
import { msalTokenSource } from "./auth/msalTokenSource";
import { createGraphClient } from "./client/createGraphClient";
import type { RetryPolicy } from "./client/retryMiddleware";
import { type GraphConnection, microsoftCloud } from "./connection";
import { activityFor, advanceCouncil, generateCouncil } from "./devtenant/council";
import { type DevTenant, startDevTenant } from "./devtenant/startDevTenant";
import { type Fetch, fetchTrusting } from "./trustedFetch";

/** The app's way into Graph, whichever tenant it faces. */
export type GraphAccess = {
  client: Client;
  connection: GraphConnection;
  /** HTTP to the tenant's endpoints (OpenID metadata, keys), trusting the dev tenant's CA where there is one. */
  fetch: Fetch;
  /** Today as YYYY-MM-DD in the tenant's world (the generated council keeps its own calendar). */
  today(): string;
  /** The local tenant, in dev-tenant mode. */
  devTenant: DevTenant | null;
  close(): Promise<void>;
};

/**
 * Connects to Microsoft's Graph in tenant mode, or starts the dev tenant (a
 * generated council) and connects to it through the very same MSAL and Graph
 * client code.
 */
export async function connectGraph(config: Config, log: Logger, retry?: RetryPolicy): Promise<GraphAccess> {
  if (config.tenant) {
    const connection: GraphConnection = {
      authority: `${microsoftCloud.login}/${config.tenant.tenantId}`,
      tenantId: config.tenant.tenantId,
      clientId: config.tenant.clientId,
      credential: tenantCredential(config.tenant.credential),
      graphBaseUrl: microsoftCloud.graph,
    };
    const { fetch } = fetchTrusting(undefined);
    const client = createGraphClient({
      connection,
      tokens: msalTokenSource(connection, fetch),
      fetch,
      ...(retry ? { retry } : {}),
    });
    return {
      client,
      connection,
      fetch,
      today: () => new Date().toISOString().slice(0, 10),
      devTenant: null,
      close: async () => {},
    };
  }

  const settings = config.devTenant as NonNullable<Config["devTenant"]>;
  const council = generateCouncil({ seed: settings.seed, staff: settings.staff, devices: settings.devices });
  const devTenant = await startDevTenant({ council, activityFor, advanceCouncil, port: settings.port });
  const connection = devTenantConnection(devTenant);
  const { fetch, dispatcher } = fetchTrusting(devTenant.caCertPem);
  const client = createGraphClient({
    connection,
    tokens: msalTokenSource(connection, fetch),
    fetch,
    ...(retry ? { retry } : {}),
  });
  log.info(
    { url: devTenant.url, tenantId: devTenant.tenantId, staff: council.users.size, devices: council.devices.size },
    `dev tenant started: ${council.displayName}`,
  );
  return {
    client,
    connection,
    fetch,
    today: () => devTenant.council.today,
    devTenant,
    async close() {
      await devTenant.stop();
      await dispatcher?.close();
    },
  };
}

/** What the app needs to know of a running dev tenant, in this process or another. */
export type DevTenantAddress = Pick<
  DevTenant,
  "url" | "authority" | "tenantId" | "clientId" | "clientSecret" | "graphBaseUrl" | "caCertPem"
>;

/** How the app reaches a running dev tenant: the same shape as a real tenant's. */
export function devTenantConnection(devTenant: DevTenantAddress): GraphConnection {
  return {
    authority: devTenant.authority,
    tenantId: devTenant.tenantId,
    clientId: devTenant.clientId,
    credential: { kind: "secret", secret: devTenant.clientSecret },
    graphBaseUrl: devTenant.graphBaseUrl,
    knownAuthorities: [new URL(devTenant.url).host],
    caPem: devTenant.caCertPem,
  };
}

export function tenantCredential(
  credential: NonNullable<Config["tenant"]>["credential"],
): GraphConnection["credential"] {
  switch (credential.kind) {
    case "secret":
      return credential;
    case "certificate":
      return certificateCredential(credential.path);
    default:
      return { kind: "assertion", assertion: managedIdentityToken(credential.clientId, tokenExchangeResource) };
  }
}

function certificateCredential(path: string): GraphConnection["credential"] {
  let pem: string;
  try {
    pem = readFileSync(path, "utf8");
  } catch (error) {
    throw new AppError("invalid_input", `CLIENT_CERTIFICATE_PATH ${path} cannot be read: ${(error as Error).message}`);
  }
  const certificate = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/)?.[0];
  const privateKey = pem.match(/-----BEGIN (RSA )?PRIVATE KEY-----[\s\S]+?-----END (RSA )?PRIVATE KEY-----/)?.[0];
  if (!certificate || !privateKey) {
    throw new AppError(
      "invalid_input",
      `CLIENT_CERTIFICATE_PATH ${path} must hold both the certificate and its private key (PEM)`,
    );
  }
  const thumbprintSha256 = new X509Certificate(certificate).fingerprint256.replaceAll(":", "");
  return { kind: "certificate", privateKeyPem: privateKey, thumbprintSha256 };
}
