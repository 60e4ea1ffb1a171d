import type { Response } from "express";
import { z } from "zod";
import { type ErrorCode, isAppError } from "../../core/errors";

/** The tab API's error codes (docs/tab-api.md). */
export type TabErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid_input"
  | "already_decided"
  | "unavailable";

const statusOf: Record<TabErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  already_decided: 409,
  unavailable: 503,
};

export function sendError(res: Response, code: TabErrorCode, message: string): void {
  res.status(statusOf[code]).json({ error: { code, message } });
}

const answerable = new Set<ErrorCode>(["forbidden", "not_found", "invalid_input", "already_decided"]);

/** Answers a domain refusal (AppError) in the API's terms; anything else goes on to the error handler. */
export function sendAppError(res: Response, error: unknown): void {
  if (isAppError(error) && answerable.has(error.code)) {
    sendError(res, error.code as TabErrorCode, error.message);
    return;
  }
  throw error;
}

/** Parses input with a schema, or answers 400 saying what is wrong and returns undefined. */
export function parseInput<T extends z.ZodType>(res: Response, schema: T, input: unknown): z.infer<T> | undefined {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  sendError(res, "invalid_input", z.prettifyError(parsed.error));
  return undefined;
}
