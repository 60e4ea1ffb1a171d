import { type Logger, pino } from "pino";
import type { Config } from "../core/config";

/**
 * Paths that may hold credentials. Request headers and bodies are not logged
 * at all; these catch anything passed to a log call by mistake.
 */
const redactedPaths = [
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "password",
  "*.password",
  "*.appPassword",
  "secret",
  "*.secret",
  "*.clientSecret",
  "token",
  "*.token",
  "*.accessToken",
  "*.access_token",
  "*.refresh_token",
  "*.id_token",
  "*.assertion",
  "config.bot.appPassword",
  "config.tenant.credential.secret",
];

/** Structured JSON logs on stdout, one object a line. */
export function createLogger(level: Config["logLevel"], destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "ict-hub" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: redactedPaths, censor: "[redacted]" },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
