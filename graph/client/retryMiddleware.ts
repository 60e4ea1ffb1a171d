import type { Context, Middleware } from "@microsoft/microsoft-graph-client";

export type RetryPolicy = {
  /** Tries in all, the first included. */
  maxAttempts: number;
  /** Backoff base when Graph gives no Retry-After. */
  baseDelayMs: number;
  /** Longest backoff wait. Retry-After is honoured in full: retrying sooner only earns another 429. */
  maxDelayMs: number;
  /** Longest total wait for one request; past it the last answer is returned. */
  budgetMs: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told of each retry (for logs and sync counts). */
  onRetry?: (event: { status: number | "network"; waitMs: number; attempt: number }) => void;
};

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 10,
  baseDelayMs: 500,
  maxDelayMs: 60_000,
  budgetMs: 300_000,
};

const retryableStatuses = new Set([429, 502, 503, 504]);

/**
 * Retries what Graph asks to be retried: 429 and 503 honouring Retry-After,
 * 502/504 and dropped connections with jittered exponential backoff, within a
 * bounded number of tries and a bounded total wait.
 */
export class RetryMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly policy: RetryPolicy = defaultRetryPolicy) {}

  setNext(next: Middleware) {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const { maxAttempts, budgetMs } = this.policy;
    const sleep = this.policy.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      let status: number | "network";
      try {
        await this.next?.execute(context);
        status = context.response?.status ?? 0;
        if (!retryableStatuses.has(status)) return;
      } catch (error) {
        if (!isNetworkError(error) || attempt >= maxAttempts) throw error;
        status = "network";
      }
      if (attempt >= maxAttempts) return;
      const waitMs = this.waitFor(context.response, attempt, status);
      if (waited + waitMs > budgetMs) return;
      await context.response?.body?.cancel().catch(() => {});
      this.policy.onRetry?.({ status, waitMs, attempt });
      await sleep(waitMs);
      waited += waitMs;
    }
  }

  private waitFor(response: Response | undefined, attempt: number, status: number | "network"): number {
    const { baseDelayMs, maxDelayMs } = this.policy;
    const header = status === "network" ? null : response?.headers.get("retry-after");
    const fromHeader = retryAfterMs(header ?? null);
    if (fromHeader !== null) return fromHeader;
    const random = this.policy.random ?? Math.random;
    return Math.round(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)));
  }
}

/** Retry-After in seconds or as an HTTP date, as milliseconds; null when absent or unreadable. */
export function retryAfterMs(value: string | null): number | null {
  if (value === null || value.trim() === "") return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

function isNetworkError(error: unknown): boolean {
  const e = error as { name?: string; cause?: { code?: string } };
  return (
    e?.name === "TypeError" ||
    ["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "UND_ERR_SOCKET"].includes(e?.cause?.code ?? "")
  );
}
