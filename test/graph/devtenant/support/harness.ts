import type { FaultOptions } from "../../../../graph/devtenant/faults";
import { type DevTenant, type DevTenantOptions, startDevTenant } from "../../../../graph/devtenant/startDevTenant";
import { fixtureActivityFor, fixtureAdvance, smallCouncil } from "./smallCouncil";
import { trustingFetch } from "./trust";

/** A dev tenant on the small council, a fetch that trusts it, and shortcuts for Graph calls. */
export type Harness = {
  tenant: DevTenant;
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  /** An app-only Graph token from the token endpoint (client credentials). */
  appToken(): Promise<string>;
  /** GET (or other) on Graph with the app token; `path` starts with /v1.0 or /beta. */
  graph(path: string, init?: RequestInit & { token?: string }): Promise<Response>;
  stop(): Promise<void>;
};

export async function startHarness(
  options: Partial<Omit<DevTenantOptions, "faults">> & { faults?: FaultOptions } = {},
): Promise<Harness> {
  const tenant = await startDevTenant({
    council: smallCouncil(),
    activityFor: fixtureActivityFor,
    advanceCouncil: fixtureAdvance,
    reportThrottle: false,
    ...options,
  });
  const trusted = trustingFetch(tenant.caCertPem);
  let token: string | undefined;
  const appToken = async () => {
    if (token) return token;
    const response = await trusted.fetch(`${tenant.authority}/oauth2/v2.0/token`, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: tenant.clientId,
        client_secret: tenant.clientSecret,
        scope: "https://graph.microsoft.com/.default",
      }),
    });
    token = ((await response.json()) as { access_token: string }).access_token;
    return token;
  };
  return {
    tenant,
    fetch: trusted.fetch,
    appToken,
    async graph(path, init = {}) {
      const { token: given, headers, ...rest } = init;
      return trusted.fetch(`${tenant.graphBaseUrl}${path}`, {
        redirect: "manual",
        ...rest,
        headers: { authorization: `Bearer ${given ?? (await appToken())}`, ...(headers as Record<string, string>) },
      });
    },
    async stop() {
      await tenant.stop();
      await trusted.close();
    },
  };
}
