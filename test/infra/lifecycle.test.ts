import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig } from "../../core/config";
import { configFromToolkit, writeTeamsAppFolder } from "../../infra/teamsAppPackage";
import { unpackBundle } from "../../infra/unpackBundle";
import { fillManifest, manifestValues } from "../../manifest/fillManifest";
import { evaluate, placeholders, readBicep, readProjectFile } from "./bicepText";

type Step = { uses: string; with?: Record<string, unknown>; writeToEnvironmentFile?: Record<string, string> };
type Lifecycle = {
  version: string;
  environmentFolderPath: string;
  provision: Step[];
  deploy: Step[];
  publish?: Step[];
};

const remote = parse(readProjectFile("m365agents.yml")) as Lifecycle;
const local = parse(readProjectFile("m365agents.local.yml")) as Lifecycle;
const bicep = readBicep("infra/azure.bicep");
const localBicep = readBicep("infra/azure.local.bicep");
const envFile = (name: string) => parseEnv(readProjectFile(`env/${name}`)) as Record<string, string>;

const uses = (steps: Step[]) => steps.map((s) => s.uses);
const step = (steps: Step[], action: string) => steps.find((s) => s.uses === action) as Step;

/** What the steps write to the env file: writeToEnvironmentFile, arm/deploy's outputs, a script's ::set-teamsfx-env. */
function written(steps: Step[]): Set<string> {
  const names = new Set<string>();
  for (const s of steps) {
    for (const name of Object.values(s.writeToEnvironmentFile ?? {})) names.add(name);
    if (s.uses === "arm/deploy") {
      for (const template of (s.with?.templates ?? []) as { path: string }[]) {
        for (const output of readBicep(template.path.replace(/^\.\//, "")).outputs.keys()) names.add(output);
      }
    }
    if (s.uses === "script") {
      for (const m of String(s.with?.run).matchAll(/::set-teamsfx-env (\w+)=/g)) names.add(m[1] as string);
    }
  }
  return names;
}

describe("m365agents.yml", () => {
  it("provisions with the toolkit's actions: app registration, ARM deployment, Teams app validated, zipped, updated", () => {
    expect(remote.environmentFolderPath).toBe("./env");
    const actions = uses(remote.provision);
    for (const action of [
      "teamsApp/create",
      "aadApp/create",
      "arm/deploy",
      "aadApp/update",
      "teamsApp/validateManifest",
      "teamsApp/zipAppPackage",
      "teamsApp/validateAppPackage",
      "teamsApp/update",
    ])
      expect(actions).toContain(action);
    // The app registration exists before the ARM deployment uses its id, and its API
    // (api://APP_DOMAIN/…) is set once the deployment has given the domain.
    expect(actions.indexOf("aadApp/create")).toBeLessThan(actions.indexOf("arm/deploy"));
    expect(actions.indexOf("arm/deploy")).toBeLessThan(actions.indexOf("aadApp/update"));
    expect(actions.indexOf("teamsApp/zipAppPackage")).toBeLessThan(actions.indexOf("teamsApp/update"));

    const create = step(remote.provision, "aadApp/create");
    expect(create.with?.signInAudience).toBe("AzureADMyOrg");
    expect(create.writeToEnvironmentFile?.clientSecret).toMatch(/^SECRET_/);
    expect(step(remote.provision, "aadApp/update").with?.manifestPath).toBe("./aad.manifest.json");
    const arm = step(remote.provision, "arm/deploy").with?.templates as { path: string; parameters: string }[];
    expect(arm).toEqual([
      expect.objectContaining({ path: "./infra/azure.bicep", parameters: "./infra/azure.parameters.json" }),
    ]);
  });

  it("validates and zips the very folder the app's own manifest code writes", () => {
    for (const lifecycle of [remote, local]) {
      const script = lifecycle.provision.find(
        (s) => s.uses === "script" && String(s.with?.run).includes("teamsAppPackage"),
      );
      const folder = /teamsAppPackage\.ts (\S+)$/.exec(String(script?.with?.run))?.[1];
      expect(step(lifecycle.provision, "teamsApp/validateManifest").with?.manifestPath).toBe(`${folder}/manifest.json`);
      expect(step(lifecycle.provision, "teamsApp/zipAppPackage").with?.manifestPath).toBe(`${folder}/manifest.json`);
      const zip = step(lifecycle.provision, "teamsApp/zipAppPackage").with?.outputZipPath;
      expect(step(lifecycle.provision, "teamsApp/validateAppPackage").with?.appPackagePath).toBe(zip);
      expect(step(lifecycle.provision, "teamsApp/update").with?.appPackagePath).toBe(zip);
    }
  });

  it("deploys the prebuilt bundle with zip deploy and never builds or installs on the way", () => {
    const actions = uses(remote.deploy);
    expect(actions).toEqual(["script", "azureAppService/zipDeploy"]);
    const unpack = String(remote.deploy[0]?.with?.run);
    expect(unpack).toMatch(/infra\/unpackBundle\.ts \.\/build\/icthub\.zip \.\/build\/icthub$/);
    const zipDeploy = step(remote.deploy, "azureAppService/zipDeploy");
    expect(zipDeploy.with?.artifactFolder).toBe("./build/icthub");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Bicep's and the toolkit's own placeholder syntax
    expect(zipDeploy.with?.resourceId).toBe("${{AZURE_APP_SERVICE_RESOURCE_ID}}");
    expect(bicep.outputs.has("AZURE_APP_SERVICE_RESOURCE_ID")).toBe(true);
    expect(readProjectFile("m365agents.yml")).not.toMatch(/npm (ci|install|run build)|cli\/runNpmCommand/);
  });

  it("publishes the package to the organisation's catalogue", () => {
    expect(uses(remote.publish ?? [])).toContain("teamsApp/publishAppPackage");
  });

  for (const [name, lifecycle, env, files] of [
    ["m365agents.yml", remote, ".env.dev", ["m365agents.yml", "infra/azure.parameters.json", "aad.manifest.json"]],
    [
      "m365agents.local.yml",
      local,
      ".env.local",
      ["m365agents.local.yml", "infra/azure.parameters.local.json", "aad.manifest.json"],
    ],
  ] as const) {
    it(`${name}: every \${{NAME}} it uses is in env/${env} or written by a provision step`, () => {
      const known = new Set([
        "TEAMSFX_ENV",
        ...Object.keys(envFile(env)),
        ...written(lifecycle.provision),
        ...Object.values(step(lifecycle.provision, "aadApp/create").writeToEnvironmentFile ?? {}),
      ]);
      const used = files.flatMap((f) => [...placeholders(readProjectFile(f))]);
      expect(used.filter((n) => !known.has(n))).toEqual([]);
    });
  }
});

describe("env/", () => {
  it("commits no secret: secrets live in the ignored env/.env.*.user files", () => {
    for (const name of [".env.dev", ".env.local"]) {
      const env = envFile(name);
      expect(Object.keys(env).filter((k) => k.startsWith("SECRET_"))).toEqual([]);
      for (const [key, value] of Object.entries(env)) {
        if (/SECRET|PASSWORD|KEY$|CONNECTION_STRING/.test(key)) expect(value, key).toBe("");
      }
    }
    expect(readProjectFile(".gitignore").split("\n")).toContain("env/.env.*.user");
  });

  it("defaults to a bot that is the managed identity, and sizes Azure within the template's choices", () => {
    const env = envFile(".env.dev");
    expect(env.BOT_TYPE).toBe("UserAssignedMSI");
    expect(bicep.params.get("appServiceSku")?.decorators.join(" ")).toContain(`'${env.APP_SERVICE_SKU}'`);
  });
});

describe("the Teams manifest and the Azure deployment agree", () => {
  const clientId = "22222222-2222-4222-8222-222222222222";
  const tenantId = "11111111-1111-4111-8111-111111111111";
  const identityClientId = "33333333-3333-4333-8333-333333333333";

  /** env/.env.dev after provision: the file, aadApp/create's and teamsApp/create's values, arm/deploy's outputs. */
  function provisioned(botType: "UserAssignedMSI" | "SingleTenant") {
    const scope = {
      base: "icthubtest",
      suffix: "abcdefghijklm",
      aadAppClientId: clientId,
      aadAppTenantId: tenantId,
      botType,
      "identity.properties.clientId": identityClientId,
      "identity.name": "icthubtest-id-abcdefghijklm",
      "webApp.id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/icthubtest-abcdefghijklm",
      "postgres.properties.fullyQualifiedDomainName": "pg.postgres.database.azure.com",
      "keyVault.name": "kv-abcdefghijklm",
    };
    const outputs = Object.fromEntries([...bicep.outputs].map(([name, e]) => [name, evaluate(bicep, e, scope)]));
    return {
      ...envFile(".env.dev"),
      TEAMS_APP_ID: "44444444-4444-4444-8444-444444444444",
      AAD_APP_CLIENT_ID: clientId,
      AAD_APP_TENANT_ID: tenantId,
      SECRET_AAD_APP_CLIENT_SECRET: "from-the-user-file",
      ...outputs,
    } as Record<string, string>;
  }

  for (const botType of ["UserAssignedMSI", "SingleTenant"] as const) {
    it(`fills the manifest's bot id and SSO resource from the Bicep outputs (${botType})`, () => {
      const env = provisioned(botType);
      const config = loadConfig(configFromToolkit(env));
      const manifest = fillManifest(
        readProjectFile("manifest/manifest.template.json"),
        manifestValues(config, "1.0.0"),
      ) as { bots: { botId: string }[]; webApplicationInfo: { id: string; resource: string }; validDomains: string[] };
      expect(manifest.bots[0]?.botId).toBe(env.BOT_ID);
      expect(env.BOT_ID).toBe(botType === "UserAssignedMSI" ? identityClientId : clientId);
      expect(manifest.webApplicationInfo).toEqual({ id: clientId, resource: env.SSO_RESOURCE });
      expect(manifest.validDomains).toEqual([env.APP_DOMAIN]);
      // The app registration's identifier URI is that same resource.
      const uri = JSON.parse(readProjectFile("aad.manifest.json")).identifierUris[0] as string;
      expect(uri.replace(/\$\{\{(\w+)\}\}/g, (_w, name: string) => env[name] ?? "")).toBe(env.SSO_RESOURCE);
    });
  }

  it("gives the local bot the app registration's id, as the app's config expects", () => {
    expect(localBicep.outputs.get("BOT_ID")).toBe("aadAppClientId");
    expect(localBicep.outputs.get("BOT_TYPE")).toBe("'SingleTenant'");
  });

  it("writes the package's files for the toolkit, validated by manifest/", async () => {
    const folder = mkdtempSync(join(tmpdir(), "icthub-teams-app-"));
    const files = await writeTeamsAppFolder(provisioned("UserAssignedMSI"), folder, "1.2.3");
    expect(files.sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8"));
    expect(manifest.version).toBe("1.2.3");
    expect(manifest.bots[0].botId).toBe(identityClientId);
  });
});

describe("infra/unpackBundle.ts", () => {
  const bundle = (files: Record<string, string>) => {
    const path = join(mkdtempSync(join(tmpdir(), "icthub-bundle-")), "icthub.zip");
    writeFileSync(path, zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))));
    return path;
  };

  it("unpacks a bundle for zip deploy as it is", () => {
    const folder = join(mkdtempSync(join(tmpdir(), "icthub-unpacked-")), "icthub");
    const zip = bundle({ "server/main.js": "console.log(1)", "package.json": "{}", "node_modules/a/index.js": "" });
    expect(unpackBundle(zip, folder).sort()).toEqual(["node_modules/a/index.js", "package.json", "server/main.js"]);
    expect(readFileSync(join(folder, "server/main.js"), "utf8")).toBe("console.log(1)");
  });

  it("refuses a missing bundle, one that is not ICT Hub's and one with a path outside the folder", () => {
    const folder = join(mkdtempSync(join(tmpdir(), "icthub-unpacked-")), "icthub");
    expect(() => unpackBundle(join(folder, "nothing.zip"), folder)).toThrow(/npm run bundle/);
    expect(() => unpackBundle(bundle({ "index.js": "" }), folder)).toThrow(/not an ICT Hub bundle/);
    const evil = bundle({ "server/main.js": "", "package.json": "{}", "../escaped.js": "" });
    expect(() => unpackBundle(evil, folder)).toThrow(/unsafe path/);
    expect(existsSync(join(folder, "..", "escaped.js"))).toBe(false);
  });
});
