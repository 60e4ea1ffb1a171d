import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, environmentWithDotEnv, loadConfig } from "../core/config";
import { appVersion } from "../server/start";
import { buildAppPackage } from "./buildAppPackage";
import { ManifestError, manifestValues } from "./fillManifest";

/** `npm run package`: writes dist/appPackage.zip for sideloading, or lists every problem. */
async function main() {
  try {
    const config = loadConfig(environmentWithDotEnv(process.env));
    const { zip } = await buildAppPackage(manifestValues(config, appVersion));
    const out = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "appPackage.zip");
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, zip);
    process.stdout.write(
      `Wrote ${out} (${zip.byteLength} bytes). Upload it in Teams: Apps → Manage your apps → Upload an app.\n`,
    );
  } catch (error) {
    if (error instanceof ManifestError || error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

void main();
