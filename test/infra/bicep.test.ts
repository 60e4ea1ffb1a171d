import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES, DEV_TEAMS_APP_ID, loadConfig } from "../../core/config";
import { manifestValues } from "../../manifest/fillManifest";
import { type BicepFile, evaluate, placeholders, readBicep, readProjectFile } from "./bicepText";

const bicep = readBicep("infra/azure.bicep");
const localBicep = readBicep("infra/azure.local.bicep");

const clientId = "22222222-2222-4222-8222-222222222222";
const tenantId = "11111111-1111-4111-8111-111111111111";
const identityClientId = "33333333-3333-4333-8333-333333333333";

/** Values for what only Azure knows (resource properties) and for the parameters. */
const scope = (botType: "UserAssignedMSI" | "SingleTenant"): Record<string, string> => ({
  base: "icthubtest",
  suffix: "abcdefghijklm",
  aadAppClientId: clientId,
  aadAppTenantId: tenantId,
  botType,
  teamsAppId: "44444444-4444-4444-8444-444444444444",
  councilName: "Llanfair Council",
  councilWebsiteUrl: "",
  privacyUrl: "",
  termsUrl: "",
  serviceDeskChannelId: "19:abc123@thread.tacv2",
  ictApprovers: "ict.approver@llanfair.gov.uk",
  ictStaff: "",
  "identity.id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id",
  "identity.name": "icthubtest-id-abcdefghijklm",
  "identity.properties.clientId": identityClientId,
  "identity.properties.tenantId": tenantId,
  "postgres.properties.fullyQualifiedDomainName": "icthubtest-pg-abcdefghijklm.postgres.database.azure.com",
  "appInsights.properties.ConnectionString":
    "InstrumentationKey=x;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/",
  "webApp.id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/icthubtest-abcdefghijklm",
  "keyVault.name": "kv-abcdefghijklm",
});

/** The environment App Service gives the app: every app setting, evaluated (Key Vault references resolved). */
function appEnvironment(file: BicepFile, botType: "UserAssignedMSI" | "SingleTenant") {
  const env: Record<string, string> = {};
  for (const [name, expression] of file.appSettings) {
    const value = evaluate(file, expression, scope(botType));
    env[name] = value.startsWith("@Microsoft.KeyVault(") ? "secret-from-key-vault" : value;
  }
  return env;
}

/** Set by App Service or Azure for the platform, not read by core/config.ts. */
const platformSettings = new Set([
  "NODE_ENV",
  "AZURE_CLIENT_ID",
  "SCM_DO_BUILD_DURING_DEPLOYMENT",
  "ENABLE_ORYX_BUILD",
  "WEBSITE_RUN_FROM_PACKAGE",
  "APPLICATIONINSIGHTS_CONNECTION_STRING",
  "ApplicationInsightsAgent_EXTENSION_VERSION",
]);

describe("infra/azure.bicep: the App Service settings", () => {
  it("name only variables core/config.ts reads, besides a short list of platform ones", () => {
    const unknown = [...bicep.appSettings.keys()].filter(
      (name) => !CONFIG_VARIABLES.includes(name) && !platformSettings.has(name),
    );
    expect(unknown).toEqual([]);
    expect(bicep.appSettings.size).toBeGreaterThan(15);
  });

  for (const botType of ["UserAssignedMSI", "SingleTenant"] as const) {
    it(`give a production tenant-mode configuration with a ${botType} bot`, () => {
      const config = loadConfig(appEnvironment(bicep, botType));
      expect(config.mode).toBe("tenant");
      expect(config.store.engine).toBe("postgres");
      expect(config.server.publicUrl).toMatch(/^https:\/\/[^/]+\.azurewebsites\.net$/);
      expect(config.teamsApp.id).not.toBe(DEV_TEAMS_APP_ID);
      expect(config.bot.appType).toBe(botType);
      expect(config.bot.appId).toBe(botType === "UserAssignedMSI" ? identityClientId : clientId);
      expect(config.serviceDeskChannelId).toBe("19:abc123@thread.tacv2");
      // npm run package's requirements hold too (https, bot id, SSO client id).
      expect(() => manifestValues(config, "1.0.0")).not.toThrow();
    });
  }

  // Each variable a deployment needs: without it the app would not start, or would
  // start wrong (no database sign-in, the development app id, the wrong bot id, http).
  const needed: Record<string, (env: Record<string, string | undefined>) => void> = {
    TENANT_ID: (env) => expect(() => loadConfig(env)).toThrow(/TENANT_ID/),
    CLIENT_ID: (env) => expect(() => loadConfig(env)).toThrow(/CLIENT_ID/),
    CLIENT_SECRET: (env) => expect(() => loadConfig(env)).toThrow(/CLIENT_SECRET/),
    PUBLIC_URL: (env) => expect(() => manifestValues(loadConfig(env), "1.0.0")).toThrow(/PUBLIC_URL/),
    DATABASE_URL: (env) => expect(() => loadConfig(env)).toThrow(/DATABASE_URL/),
    DATABASE_AUTH: (env) => expect(loadConfig(env).store).not.toHaveProperty("managedIdentity"),
    TEAMS_APP_ID: (env) => expect(loadConfig(env).teamsApp.id).toBe(DEV_TEAMS_APP_ID),
    BOT_ID: (env) => expect(loadConfig(env).bot.appId).not.toBe(identityClientId),
    BOT_TYPE: (env) => expect(loadConfig(env).bot.appType).not.toBe("UserAssignedMSI"),
  };
  const deploymentDoc = readProjectFile("docs/deployment.md");
  for (const [name, without] of Object.entries(needed)) {
    it(`set ${name}, which a deployment needs (or docs/deployment.md says to set it by hand)`, () => {
      const env: Record<string, string | undefined> = appEnvironment(bicep, "UserAssignedMSI");
      if (!bicep.appSettings.has(name)) {
        expect(deploymentDoc, `${name} is neither an app setting nor in docs/deployment.md`).toContain(`\`${name}\``);
        return;
      }
      delete env[name];
      without(env);
    });
  }

  it("keep secrets in Key Vault: a secret's setting is a Key Vault reference, the database URL has no password", () => {
    for (const [name, expression] of bicep.appSettings) {
      if (/SECRET|PASSWORD|CERTIFICATE/.test(name)) expect(expression).toMatch(/^'@Microsoft\.KeyVault\(/);
    }
    expect(bicep.appSettings.has("BOT_PASSWORD")).toBe(false);
    const url = new URL(appEnvironment(bicep, "UserAssignedMSI").DATABASE_URL as string);
    expect(url.password).toBe("");
    expect(url.username).toBe(scope("UserAssignedMSI")["identity.name"]);
    expect(url.searchParams.get("sslmode")).toBe("verify-full");
    expect(bicep.text).toContain("keyVaultReferenceIdentity: identity.id");
  });

  it("never build on the server: the prebuilt bundle starts with node alone", () => {
    expect(bicep.appSettings.get("SCM_DO_BUILD_DURING_DEPLOYMENT")).toBe("'false'");
    expect(bicep.appSettings.get("ENABLE_ORYX_BUILD")).toBe("'false'");
    expect(bicep.text).toContain("appCommandLine: 'node server/main.js'");
  });
});

describe("infra/azure.bicep: the resources", () => {
  const resource = (type: string) => {
    const found = bicep.resources.filter((r) => r.type === type);
    expect(found, type).toHaveLength(1);
    return found[0] as BicepFile["resources"][number];
  };

  it("run Node 22 LTS on Linux App Service, always on, https only, health-checked on /readyz", () => {
    expect(resource("Microsoft.Web/serverfarms").body).toContain("reserved: true");
    const site = resource("Microsoft.Web/sites").body;
    expect(site).toContain("linuxFxVersion: 'NODE|22-lts'");
    expect(site).toContain("alwaysOn: true");
    expect(site).toContain("httpsOnly: true");
    expect(site).toContain("healthCheckPath: '/readyz'");
    expect(site).toContain("type: 'UserAssigned'");
  });

  it("register the bot as single tenant or the managed identity, never multi-tenant, with the Teams channel", () => {
    expect(bicep.text).not.toMatch(/MultiTenant/);
    const allowed = bicep.params.get("botType")?.decorators.find((d) => d.startsWith("@allowed"));
    expect(allowed).toBe("@allowed([ 'UserAssignedMSI' 'SingleTenant' ])");
    const bot = resource("Microsoft.BotService/botServices").body;
    expect(bot).toContain("msaAppType: botType");
    expect(bot).toContain("msaAppId: botAppId");
    expect(bot).toContain("msaAppMSIResourceId: botType == 'UserAssignedMSI' ? identity.id : null");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Bicep's and the toolkit's own placeholder syntax
    expect(bot).toContain("endpoint: '${publicUrl}/api/messages'");
    expect(resource("Microsoft.BotService/botServices/channels").body).toContain("channelName: 'MsTeamsChannel'");
    expect(localBicep.text).not.toMatch(/MultiTenant/);
    expect(localBicep.text).toContain("msaAppType: 'SingleTenant'");
  });

  it("let PostgreSQL accept Entra tokens only, with the app's identity as administrator", () => {
    const server = resource("Microsoft.DBforPostgreSQL/flexibleServers").body;
    expect(server).toContain("activeDirectoryAuth: 'Enabled'");
    expect(server).toContain("passwordAuth: 'Disabled'");
    expect(server).not.toContain("administratorLoginPassword");
    const admin = resource("Microsoft.DBforPostgreSQL/flexibleServers/administrators").body;
    expect(admin).toContain("name: identity.properties.principalId");
    expect(admin).toContain("principalName: identity.name");
    expect(admin).toContain("principalType: 'ServicePrincipal'");
  });

  it("keep the secret in a Key Vault with RBAC, readable by the identity as Key Vault Secrets User", () => {
    expect(resource("Microsoft.KeyVault/vaults").body).toContain("enableRbacAuthorization: true");
    expect(bicep.vars.get("keyVaultSecretsUserRoleId")).toBe("'4633458b-17de-408a-b874-0445c86b69e6'");
    const assignment = bicep.resources.find((r) => r.symbol === "secretsUser")?.body ?? "";
    expect(assignment).toContain("scope: keyVault");
    expect(assignment).toContain("principalId: identity.properties.principalId");
  });

  it("send telemetry to Application Insights on a Log Analytics workspace", () => {
    expect(resource("Microsoft.Insights/components").body).toContain("WorkspaceResourceId: workspace.id");
    expect(resource("Microsoft.OperationalInsights/workspaces").body).toContain("PerGB2018");
    expect(bicep.appSettings.get("APPLICATIONINSIGHTS_CONNECTION_STRING")).toBe(
      "appInsights.properties.ConnectionString",
    );
  });

  it("use current, released API versions (only diagnostic settings have none but previews)", () => {
    const atLeast: Record<string, string> = {
      "Microsoft.Web/serverfarms": "2024-11-01",
      "Microsoft.Web/sites": "2024-11-01",
      "Microsoft.ManagedIdentity/userAssignedIdentities": "2023-01-31",
      "Microsoft.BotService/botServices": "2022-09-15",
      "Microsoft.BotService/botServices/channels": "2022-09-15",
      "Microsoft.DBforPostgreSQL/flexibleServers": "2024-08-01",
      "Microsoft.DBforPostgreSQL/flexibleServers/administrators": "2024-08-01",
      "Microsoft.DBforPostgreSQL/flexibleServers/databases": "2024-08-01",
      "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules": "2024-08-01",
      "Microsoft.KeyVault/vaults": "2024-11-01",
      "Microsoft.KeyVault/vaults/secrets": "2024-11-01",
      "Microsoft.Authorization/roleAssignments": "2022-04-01",
      "Microsoft.OperationalInsights/workspaces": "2023-09-01",
      "Microsoft.Insights/components": "2020-02-02",
      "Microsoft.Insights/diagnosticSettings": "2021-05-01-preview",
    };
    for (const r of [...bicep.resources, ...localBicep.resources]) {
      const floor = atLeast[r.type];
      expect(floor, `${r.type} has no expected API version here`).toBeDefined();
      expect(r.apiVersion >= (floor as string), `${r.type}@${r.apiVersion}`).toBe(true);
      if (r.type !== "Microsoft.Insights/diagnosticSettings") expect(r.apiVersion).not.toMatch(/preview/);
    }
  });

  it("derive every name from the resource group, so a re-run changes nothing", () => {
    expect(bicep.vars.get("suffix")).toBe("uniqueString(resourceGroup().id, base)");
    expect(bicep.text).not.toMatch(/newGuid\(|utcNow\(/);
    for (const r of bicep.resources) {
      const name = /^ {2}name: (.+)$/m.exec(r.body)?.[1] ?? "";
      const isChild = /^ {2}parent: /m.test(r.body) || /^ {2}scope: /m.test(r.body);
      if (r.type === "Microsoft.Authorization/roleAssignments") expect(name).toMatch(/^guid\(/);
      else if (!isChild) expect(evaluate(bicep, name, scope("UserAssignedMSI")), r.symbol).toContain("abcdefghijklm");
    }
  });

  it("output the bot id, the app's domain and address and the SSO resource", () => {
    const s = scope("UserAssignedMSI");
    const out = (name: string) => evaluate(bicep, bicep.outputs.get(name) ?? `missing output ${name}`, s);
    expect(out("BOT_ID")).toBe(identityClientId);
    expect(out("APP_DOMAIN")).toBe("icthubtest-abcdefghijklm.azurewebsites.net");
    expect(out("PUBLIC_URL")).toBe(`https://${out("APP_DOMAIN")}`);
    expect(out("SSO_RESOURCE")).toBe(`api://${out("APP_DOMAIN")}/${clientId}`);
    // The app settings and the bot registration use the very same values.
    expect(bicep.appSettings.get("BOT_ID")).toBe(bicep.outputs.get("BOT_ID"));
    expect(bicep.appSettings.get("PUBLIC_URL")).toBe(bicep.outputs.get("PUBLIC_URL"));
    expect(bicep.outputs.get("AZURE_APP_SERVICE_RESOURCE_ID")).toBe("webApp.id");
  });
});

describe("infra/azure.parameters.json", () => {
  for (const [file, parameters] of [
    [bicep, "infra/azure.parameters.json"],
    [localBicep, "infra/azure.parameters.local.json"],
  ] as const) {
    it(`${parameters} gives every parameter without a default, and only parameters that exist`, () => {
      const given = Object.keys(JSON.parse(readProjectFile(parameters)).parameters);
      const required = [...file.params].filter(([, p]) => p.defaultValue === null).map(([name]) => name);
      expect(given.filter((name) => !file.params.has(name))).toEqual([]);
      expect(required.filter((name) => !given.includes(name))).toEqual([]);
    });
  }

  it("passes the client secret from the ignored .user file and no other secret", () => {
    const text = readProjectFile("infra/azure.parameters.json");
    expect([...placeholders(text)].filter((name) => name.startsWith("SECRET_"))).toEqual([
      "SECRET_AAD_APP_CLIENT_SECRET",
    ]);
    expect(bicep.params.get("aadAppClientSecret")?.decorators).toContain("@secure()");
  });
});
