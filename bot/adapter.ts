import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import type { Logger } from "pino";
import type { Config } from "../core/config";
import { t } from "../core/messages/catalogue";

/**
 * botbuilder's CloudAdapter. Authentication is on whenever an app id is
 * configured; with none (dev tenant only) botbuilder skips it, which is why the
 * server then listens on loopback alone.
 */
export function createAdapter(bot: Config["bot"], log: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    bot.appId
      ? {
          MicrosoftAppId: bot.appId,
          MicrosoftAppPassword: bot.appPassword ?? undefined,
          MicrosoftAppType: bot.appType,
          MicrosoftAppTenantId: bot.tenantId ?? undefined,
        }
      : {},
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    log.error(
      { err: error, activityType: context.activity.type, conversationId: context.activity.conversation?.id },
      "bot turn failed",
    );
    if (context.activity.type === "message") {
      await context.sendActivity(t("bot.error.generic")).catch((sendError: unknown) => {
        log.warn({ err: sendError }, "could not tell the user about the failure");
      });
    }
  };
  return adapter;
}
