import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { unzipSync } from "fflate";
import { CONFIG_VARIABLES, ConfigError, loadConfig } from "../core/config";
import { buildAppPackage } from "../manifest/buildAppPackage";
import { ManifestError, manifestValues } from "../manifest/fillManifest";

/**
 * The `script` step of m365agents.yml and m365agents.local.yml:
 *
 *   node --import tsx infra/teamsAppPackage.ts ./build/appPackage/<env>
 *
 * writes the Teams app package's files (manifest.json and both icons) to that
 * folder, which the toolkit's teamsApp/validateManifest, teamsApp/zipAppPackage,
 * teamsApp/validateAppPackage and teamsApp/update then use. The manifest is
 * filled and validated by manifest/ exactly as `npm run package` does (the
 * template's ${{msg:…}} placeholders are the app's own, which the toolkit
 * cannot fill), from the toolkit's environment: the env file, its `.user`
 * secrets and the outputs of the earlier steps (arm/deploy's BOT_ID and
 * PUBLIC_URL, teamsApp/create's TEAMS_APP_ID, aadApp/create's client id).
 */

/** App configuration names that the toolkit's steps write under their own names. */
export const toolkitNames = {
  CLIENT_ID: "AAD_APP_CLIENT_ID",
  TENANT_ID: "AAD_APP_TENANT_ID",
  CLIENT_SECRET: "SECRET_AAD_APP_CLIENT_SECRET",
} as const;

/**
 * The app's configuration as the toolkit's environment describes it: the
 * toolkit's names for the app registration, the config's own names for the
 * rest (PUBLIC_URL, BOT_ID, BOT_TYPE, TEAMS_APP_ID, COUNCIL_NAME, …).
 */
export function configFromToolkit(toolkitEnv: Record<string, string | undefined>): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const name of CONFIG_VARIABLES) env[name] = toolkitEnv[name];
  for (const [configName, toolkitName] of Object.entries(toolkitNames)) {
    env[configName] = toolkitEnv[toolkitName] || toolkitEnv[configName];
  }
  return env;
}

/** Fills and validates the manifest, then writes the package's files to `folder`. */
export async function writeTeamsAppFolder(
  toolkitEnv: Record<string, string | undefined>,
  folder: string,
  appVersion: string,
): Promise<string[]> {
  const config = loadConfig(configFromToolkit(toolkitEnv));
  const { zip } = await buildAppPackage(manifestValues(config, appVersion));
  mkdirSync(folder, { recursive: true });
  const files = unzipSync(zip);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(folder, name), bytes);
  return Object.keys(files);
}

async function main() {
  const folder = process.argv[2];
  if (!folder) {
    process.stderr.write("usage: node --import tsx infra/teamsAppPackage.ts <output folder>\n");
    process.exitCode = 1;
    return;
  }
  const projectRoot = resolve(import.meta.dirname, "..");
  const { version } = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { version: string };
  try {
    const written = await writeTeamsAppFolder(process.env, resolve(folder), version);
    process.stdout.write(`Wrote ${written.join(", ")} to ${folder}\n`);
  } catch (error) {
    if (error instanceof ManifestError || error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) void main();
