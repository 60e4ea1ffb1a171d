import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../core/config";
import { postgresResource, storeCredentials, tokenExchangeResource } from "../../../graph/auth/managedIdentity";
import { tenantCredential } from "../../../graph/connectGraph";

const identityClientId = "3f0e6a52-8b1c-4d7e-9a2f-6c5b4a3d2e1f";

describe("signing in with the managed identity: PostgreSQL and the app registration", () => {
  let endpoint: Server;
  const asked: { resource: string | null; clientId: string | null; header: string | undefined }[] = [];
  const saved = { endpoint: process.env.IDENTITY_ENDPOINT, header: process.env.IDENTITY_HEADER };

  beforeAll(async () => {
    // App Service's local token endpoint, as MSAL finds it through IDENTITY_ENDPOINT and IDENTITY_HEADER.
    endpoint = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      asked.push({
        resource: url.searchParams.get("resource"),
        clientId: url.searchParams.get("client_id"),
        header: req.headers["x-identity-header"] as string | undefined,
      });
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          access_token: "entra-token-for-postgres",
          expires_on: String(Math.floor(Date.now() / 1000) + 3600),
          resource: url.searchParams.get("resource"),
          token_type: "Bearer",
          client_id: url.searchParams.get("client_id"),
        }),
      );
    });
    await new Promise<void>((resolve) => endpoint.listen(0, "127.0.0.1", resolve));
    const { port } = endpoint.address() as { port: number };
    process.env.IDENTITY_ENDPOINT = `http://127.0.0.1:${port}/msi/token`;
    process.env.IDENTITY_HEADER = "header-from-app-service";
  });
  afterAll(async () => {
    for (const [name, value] of [
      ["IDENTITY_ENDPOINT", saved.endpoint],
      ["IDENTITY_HEADER", saved.header],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await new Promise((resolve) => endpoint.close(resolve));
  });

  it("uses an Entra token for the app's user-assigned identity as the password, asked of the platform, for PostgreSQL's resource", async () => {
    const config = loadConfig({
      DATABASE_URL: "postgres://icthub-identity@db.postgres.database.azure.com:5432/icthub?sslmode=require",
      DATABASE_AUTH: "managed-identity",
      AZURE_CLIENT_ID: identityClientId,
    });
    const credentials = storeCredentials(config.store);
    expect(await credentials.password?.()).toBe("entra-token-for-postgres");
    expect(asked).toEqual([
      { resource: postgresResource, clientId: identityClientId, header: "header-from-app-service" },
    ]);
  });

  it("gives MSAL a client assertion from the same identity for the app registration (CLIENT_ASSERTION=managed-identity)", async () => {
    const config = loadConfig({
      TENANT_ID: "7d3c1b2a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
      CLIENT_ID: "0a1b2c3d-4e5f-4061-8728-394a5b6c7d8e",
      CLIENT_ASSERTION: "managed-identity",
      AZURE_CLIENT_ID: identityClientId,
      BOT_TYPE: "UserAssignedMSI",
      PUBLIC_URL: "https://icthub.example.gov.uk",
    });
    const credential = tenantCredential(config.tenant?.credential ?? { kind: "secret", secret: "" });
    if (credential.kind !== "assertion") throw new Error(`expected an assertion, got ${credential.kind}`);
    asked.length = 0;
    expect(await credential.assertion()).toBe("entra-token-for-postgres");
    expect(asked).toEqual([
      { resource: tokenExchangeResource, clientId: identityClientId, header: "header-from-app-service" },
    ]);
  });

  it("asks for nothing when DATABASE_URL carries its own sign-in", () => {
    const config = loadConfig({ DATABASE_URL: "postgres://icthub:secret@localhost:5432/icthub" });
    expect(storeCredentials(config.store)).toEqual({});
  });

  it("refuses managed-identity sign-in for the embedded store, which has none", () => {
    expect(() => loadConfig({ DATABASE_AUTH: "managed-identity" })).toThrow(
      /DATABASE_AUTH=managed-identity needs DATABASE_URL/,
    );
  });
});
