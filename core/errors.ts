/**
 * The few errors the domain raises, each with a stable code. The edges (HTTP
 * routes, bot handlers, CLIs) turn them into statuses, cards or exit codes.
 */
export type ErrorCode =
  | "config_invalid"
  | "store_unavailable"
  | "store_locked"
  | "store_corrupt"
  | "invalid_input"
  | "not_found"
  | "forbidden"
  | "already_decided";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AppError";
  }
}

export const isAppError = (error: unknown, code?: ErrorCode): error is AppError =>
  error instanceof AppError && (code === undefined || error.code === code);
