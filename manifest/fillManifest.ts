import type { Config } from "../core/config";
import { type MessageKey, t } from "../core/messages/catalogue";
import { enGB } from "../core/messages/en-GB";

/** Values for the template's ${{NAME}} placeholders. */
export type ManifestValues = Record<string, string>;

/** A problem that stops the app from being packaged, in words an administrator can act on. */
export class ManifestError extends Error {
  constructor(readonly problems: string[]) {
    super(`The Teams app package cannot be built:\n  - ${problems.join("\n  - ")}`);
  }
}

/**
 * The values a real tenant's package needs, from the config.
 * @throws ManifestError listing every missing or unusable setting.
 */
export function manifestValues(config: Config, appVersion: string): ManifestValues {
  const problems: string[] = [];
  const publicUrl = new URL(config.server.publicUrl);
  if (publicUrl.protocol !== "https:") {
    problems.push(
      `PUBLIC_URL is ${config.server.publicUrl}: Teams loads tabs only over https. Set it to the https address this app is reachable at (for example a dev tunnel or the App Service URL).`,
    );
  }
  if (!config.bot.appId) problems.push("BOT_ID (or CLIENT_ID) must be set to the Azure Bot's Microsoft App ID.");
  if (!config.tenant)
    problems.push(
      "CLIENT_ID must be set to the Entra app used for single sign-on (with TENANT_ID and a secret or certificate).",
    );
  if (problems.length > 0) throw new ManifestError(problems);
  return {
    APP_VERSION: appVersion,
    TEAMS_APP_ID: config.teamsApp.id,
    COUNCIL_NAME: config.teamsApp.councilName,
    COUNCIL_WEBSITE_URL: config.teamsApp.websiteUrl,
    PRIVACY_URL: config.teamsApp.privacyUrl,
    TERMS_URL: config.teamsApp.termsUrl,
    BOT_ID: config.bot.appId as string,
    CLIENT_ID: config.tenant?.clientId as string,
    PUBLIC_URL: config.server.publicUrl,
    PUBLIC_HOST: publicUrl.host,
  };
}

/**
 * Fills ${{NAME}} from the values and ${{msg:key}} from the message catalogue.
 * Values are JSON-escaped, so a council name with quotes cannot break the JSON.
 * @throws ManifestError naming every placeholder with no value.
 */
export function fillManifest(templateText: string, values: ManifestValues): unknown {
  const missing = new Set<string>();
  const filled = templateText.replace(/\$\{\{([\w.:]+)\}\}/g, (_whole, name: string) => {
    let value: string | undefined;
    if (name.startsWith("msg:")) {
      const key = name.slice(4);
      value = key in enGB ? t(key as MessageKey) : undefined;
    } else {
      value = values[name];
    }
    if (value === undefined) {
      missing.add(name);
      return "";
    }
    return JSON.stringify(value).slice(1, -1);
  });
  if (missing.size > 0)
    throw new ManifestError([...missing].map((name) => `the template uses \${{${name}}}, which has no value`));
  return JSON.parse(filled);
}
