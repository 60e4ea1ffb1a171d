import type { Logger } from "pino";
import { type Config, ConfigError, environmentWithDotEnv, loadConfig } from "../core/config";
import { isAppError } from "../core/errors";
import { createLogger } from "./logger";
import { type RunningApp, startIctHub, startupSummary } from "./start";

/**
 * Reads the configuration for a process entry; a problem the operator can fix
 * ends the process with one line on standard error and exit code 1.
 */
export function configOrExit(): Config {
  try {
    return loadConfig(environmentWithDotEnv(process.env));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * Logs which mode the app runs in (always the first log line), then starts it.
 * Returns null, having logged one fatal line and set exit code 1, when it cannot start.
 */
export async function startOrReport(config: Config): Promise<{ app: RunningApp; log: Logger } | null> {
  const log = createLogger(config.logLevel);
  log.info({ mode: config.mode }, startupSummary(config));
  try {
    return { app: await startIctHub(config, { log }), log };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = isAppError(error)
      ? error.message
      : code === "EADDRINUSE"
        ? `Port ${config.server.port} is already in use: stop the other process or set PORT.`
        : `Start-up failed: ${(error as Error).message}`;
    log.fatal({ code: isAppError(error) ? error.code : code }, message);
    process.exitCode = 1;
    return null;
  }
}
