import { ConfidentialClientApplication } from "@azure/msal-node";
import { createLocalJWKSet, decodeJwt, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/harness";
import { userIdOf } from "./support/smallCouncil";
import { msalNetworkClient } from "./support/trust";

let h: Harness;
let priya: string;
beforeAll(async () => {
  h = await startHarness();
  priya = userIdOf(h.tenant.council, "priya.shah@llanfair.gov.uk");
});
afterAll(() => h.stop());

function msalApp(clientSecret: string) {
  return new ConfidentialClientApplication({
    auth: {
      clientId: h.tenant.clientId,
      clientSecret,
      authority: h.tenant.authority,
      knownAuthorities: [new URL(h.tenant.url).host],
    },
    system: { networkClient: msalNetworkClient(h.tenant.caCertPem) },
  });
}

describe("the dev tenant's identity endpoints, driven by MSAL", () => {
  it("gives MSAL a client-credentials token for Graph with the app's roles, reading only the tenant's own metadata", async () => {
    h.tenant.requestLog.clear();
    const result = await msalApp(h.tenant.clientSecret).acquireTokenByClientCredential({
      scopes: ["https://graph.microsoft.com/.default"],
    });
    const claims = decodeJwt(result?.accessToken ?? "");
    expect(claims).toMatchObject({
      aud: "https://graph.microsoft.com",
      iss: `https://sts.windows.net/${h.tenant.tenantId}/`,
      tid: h.tenant.tenantId,
      appid: h.tenant.clientId,
      azp: h.tenant.clientId,
    });
    expect(claims.roles).toEqual(expect.arrayContaining(["User.Read.All", "Reports.Read.All", "Sites.Read.All"]));
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBeGreaterThan(3_500);
    const asked = h.tenant.requestLog
      .entries()
      .map((e) => `${e.method} ${e.url.replace(h.tenant.tenantId, "{tenant}")}`);
    // MSAL adds ?client-request-id=… to the token request; with knownAuthorities it asks no instance discovery.
    expect(asked.map((a) => a.replace(/\?.*$/, ""))).toEqual([
      "GET /{tenant}/v2.0/.well-known/openid-configuration",
      "POST /{tenant}/oauth2/v2.0/token",
    ]);
  });

  it("refuses a wrong client secret with Entra's invalid_client error", async () => {
    const refused = msalApp("not-the-secret").acquireTokenByClientCredential({
      scopes: ["https://graph.microsoft.com/.default"],
    });
    await expect(refused).rejects.toMatchObject({ errorCode: "invalid_client" });
    const response = await h.fetch(`${h.tenant.authority}/oauth2/v2.0/token`, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: h.tenant.clientId,
        client_secret: "not-the-secret",
        scope: "https://graph.microsoft.com/.default",
      }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: string; error_description: string; error_codes: number[] };
    expect(body.error).toBe("invalid_client");
    expect(body.error_description).toMatch(/^AADSTS7000215: Invalid client secret provided/);
    expect(body.error_codes).toEqual([7000215]);
  });

  it("refuses a client-credentials scope without /.default, as Entra does", async () => {
    const response = await h.fetch(`${h.tenant.authority}/oauth2/v2.0/token`, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: h.tenant.clientId,
        client_secret: h.tenant.clientSecret,
        scope: "https://graph.microsoft.com/User.Read.All",
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_scope", error_codes: [1002012] });
  });

  it("publishes OpenID metadata and keys that verify the tokens it signs", async () => {
    const metadata = (await (
      await h.fetch(`${h.tenant.authority}/v2.0/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    expect(metadata.issuer).toBe(`${h.tenant.url}/${h.tenant.tenantId}/v2.0`);
    expect(metadata.token_endpoint).toBe(`${h.tenant.authority}/oauth2/v2.0/token`);
    expect(metadata.authorization_endpoint).toBe(`${h.tenant.authority}/oauth2/v2.0/authorize`);
    const jwks = await (await h.fetch(metadata.jwks_uri ?? "")).json();
    const token = await h.tenant.issueUserToken(priya);
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
      issuer: metadata.issuer,
      audience: `api://localhost/${h.tenant.clientId}`,
    });
    expect(payload).toMatchObject({ oid: priya, tid: h.tenant.tenantId, scp: "access_as_user", name: "Priya Shah" });
  });

  it("answers instance discovery for its own host", async () => {
    const authorize = encodeURIComponent(`${h.tenant.authority}/oauth2/v2.0/authorize`);
    const response = await h.fetch(
      `${h.tenant.url}/common/discovery/instance?api-version=1.1&authorization_endpoint=${authorize}`,
    );
    expect(await response.json()).toMatchObject({
      tenant_discovery_endpoint: `${h.tenant.authority}/v2.0/.well-known/openid-configuration`,
    });
  });
});

describe("on-behalf-of", () => {
  it("exchanges a tab's user token for a delegated Graph token that carries the user", async () => {
    const assertion = await h.tenant.issueUserToken(priya);
    const result = await msalApp(h.tenant.clientSecret).acquireTokenOnBehalfOf({
      oboAssertion: assertion,
      scopes: ["https://graph.microsoft.com/.default"],
    });
    const claims = decodeJwt(result?.accessToken ?? "");
    expect(claims).toMatchObject({
      aud: "https://graph.microsoft.com",
      oid: priya,
      upn: "priya.shah@llanfair.gov.uk",
      name: "Priya Shah",
      tid: h.tenant.tenantId,
    });
    expect(String(claims.scp).split(" ")).toContain("User.Read");
    const me = await h.graph("/v1.0/me?$select=displayName", { token: result?.accessToken });
    expect(await me.json()).toMatchObject({ id: priya, displayName: "Priya Shah" });
  });

  it("refuses an expired assertion with invalid_grant", async () => {
    const expired = await h.tenant.issueUserToken(priya, { expiresInSeconds: -60 });
    const response = await h.fetch(`${h.tenant.authority}/oauth2/v2.0/token`, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
        client_id: h.tenant.clientId,
        client_secret: h.tenant.clientSecret,
        assertion: expired,
        requested_token_use: "on_behalf_of",
        scope: "https://graph.microsoft.com/.default",
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_grant", error_codes: [500133] });
  });

  it("refuses an assertion meant for another app", async () => {
    const elsewhere = await h.tenant.issueUserToken(priya, {
      audience: "api://localhost/00000000-0000-0000-0000-000000000abc",
    });
    const refused = msalApp(h.tenant.clientSecret).acquireTokenOnBehalfOf({
      oboAssertion: elsewhere,
      scopes: ["https://graph.microsoft.com/.default"],
    });
    await expect(refused).rejects.toMatchObject({ errorCode: "invalid_grant" });
  });
});

describe("the dev sign-in for tabs in a plain browser", () => {
  const authorizeUrl = (params: Record<string, string>) =>
    `${h.tenant.authority}/oauth2/v2.0/authorize?${new URLSearchParams({
      client_id: h.tenant.clientId,
      response_type: "token id_token",
      redirect_uri: "https://localhost:53000/auth-end",
      scope: `api://localhost/${h.tenant.clientId}/access_as_user openid profile`,
      state: "s-1",
      nonce: "n-1",
      ...params,
    })}`;

  it("signs in the person named by login_hint and returns tokens in the fragment", async () => {
    const response = await h.fetch(authorizeUrl({ login_hint: "PRIYA.SHAH@llanfair.gov.uk" }), { redirect: "manual" });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe("https://localhost:53000/auth-end");
    const fragment = new URLSearchParams(location.hash.slice(1));
    expect(fragment.get("state")).toBe("s-1");
    expect(decodeJwt(fragment.get("access_token") ?? "")).toMatchObject({
      aud: `api://localhost/${h.tenant.clientId}`,
      scp: "access_as_user",
      oid: priya,
      preferred_username: "priya.shah@llanfair.gov.uk",
      iss: `${h.tenant.url}/${h.tenant.tenantId}/v2.0`,
    });
    expect(decodeJwt(fragment.get("id_token") ?? "")).toMatchObject({
      aud: h.tenant.clientId,
      nonce: "n-1",
      oid: priya,
    });
  });

  it("lists people to sign in as, searchable, with every value escaped", async () => {
    const response = await h.fetch(authorizeUrl({ q: "shah", state: '"><script>alert(1)</script>' }));
    const html = await response.text();
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    expect(html).toContain("Priya Shah");
    expect(html).not.toContain("Tom Evans");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;");
  });

  it("never redirects a token away from loopback", async () => {
    const response = await h.fetch(
      authorizeUrl({ login_hint: "priya.shah@llanfair.gov.uk", redirect_uri: "https://evil.example/cb" }),
      {
        redirect: "manual",
      },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
  });
});
