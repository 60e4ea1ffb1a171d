import { randomUUID } from "node:crypto";
import type { Response } from "express";

/** The error codes the dev tenant's token endpoint answers with, as Entra ID names them. */
export type EntraError =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "invalid_scope"
  | "unauthorized_client"
  | "unsupported_grant_type";

/**
 * Answers as Entra ID's token endpoint does when it refuses: the OAuth error,
 * an AADSTS description, the numeric code, and trace ids.
 */
export function sendEntraError(res: Response, status: number, error: EntraError, aadsts: number, text: string): void {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, "Z");
  res.status(status).json({
    error,
    error_description: `AADSTS${aadsts}: ${text} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [aadsts],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${aadsts}`,
  });
}
