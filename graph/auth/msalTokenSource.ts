import {
  ConfidentialClientApplication,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from "@azure/msal-node";
import type { GraphConnection } from "../connection";
import type { Fetch } from "../trustedFetch";

/** Gets app-only tokens for Graph; MSAL caches them and renews before expiry. */
export type TokenSource = { graphToken(): Promise<string> };

/**
 * MSAL's confidential client with a secret, a certificate or a client assertion. MSAL itself gets
 * every token; only its HTTP transport is ours, so that it can trust the dev
 * tenant's certificate.
 */
export function msalTokenSource(connection: GraphConnection, fetch: Fetch): TokenSource {
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: connection.clientId,
      authority: connection.authority,
      ...(connection.knownAuthorities ? { knownAuthorities: connection.knownAuthorities } : {}),
      ...credentialFor(connection.credential),
    },
    system: connection.caPem ? { networkClient: networkClientOver(fetch) } : {},
  });
  // The dev tenant issues Graph's own audience too, so the scope is the same everywhere.
  const scopes = ["https://graph.microsoft.com/.default"];
  // MSAL's cache lookup costs a little on every call; a sync makes thousands, so
  // the token is held until five minutes before it expires, then MSAL is asked again.
  let held: { token: string; renewAt: number } | null = null;
  return {
    async graphToken() {
      if (held && Date.now() < held.renewAt) return held.token;
      const result = await app.acquireTokenByClientCredential({ scopes });
      if (!result?.accessToken) throw new Error("MSAL returned no access token for Microsoft Graph");
      const expiresAt = result.expiresOn?.getTime() ?? Date.now();
      held = { token: result.accessToken, renewAt: expiresAt - 5 * 60_000 };
      return result.accessToken;
    },
  };
}

function credentialFor(credential: GraphConnection["credential"]) {
  switch (credential.kind) {
    case "secret":
      return { clientSecret: credential.secret };
    case "assertion":
      return { clientAssertion: () => credential.assertion() };
    default:
      return {
        clientCertificate: { thumbprintSha256: credential.thumbprintSha256, privateKey: credential.privateKeyPem },
      };
  }
}

function networkClientOver(fetch: Fetch): INetworkModule {
  const send = async <T>(url: string, init: RequestInit): Promise<NetworkResponse<T>> => {
    const response = await fetch(url, init);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    return { headers, body: (await response.json()) as T, status: response.status };
  };
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions) =>
      send<T>(url, { method: "GET", headers: options?.headers ?? {} }),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) =>
      send<T>(url, { method: "POST", headers: options?.headers ?? {}, body: options?.body ?? "" }),
  };
}
