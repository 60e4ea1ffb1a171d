/**
 * Spaces requests to stay under a service's published limit (Intune: 2,000
 * requests in 20 s; usage reports: 14 in 10 minutes), so that Graph seldom
 * has to throttle us at all. Per process: one instance holds a sync's lease.
 */
import { setTimeout as delay } from "node:timers/promises";

export class Pacer {
  private readonly sent: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void> = (ms, signal) =>
      delay(ms, undefined, signal ? { signal } : {}),
  ) {}

  /** Waits until `count` more requests fit in the window, then counts them. Rejects if the signal aborts first. */
  async take(count = 1, signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.now();
      while (this.sent.length > 0 && (this.sent[0] as number) <= now - this.windowMs) this.sent.shift();
      if (this.sent.length + count <= this.limit) {
        for (let i = 0; i < count; i++) this.sent.push(now);
        return;
      }
      const oldest = this.sent[Math.max(0, this.sent.length + count - this.limit - 1)] as number;
      await this.sleep(Math.max(1, oldest + this.windowMs - now), signal);
    }
  }
}

/** No pacing: for the dev tenant in tests and benchmarks. */
export const unpaced = { take: async (_count?: number, _signal?: AbortSignal) => {} };
export type PacerLike = { take(count?: number, signal?: AbortSignal): Promise<void> };
