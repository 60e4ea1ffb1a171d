/** A limit of `limit` events in any window of `windowMs`. */
export type RateWindow = { limit: number; windowMs: number };

/**
 * Counts events per key over several sliding windows at once, as Teams counts
 * a bot's messages per conversation. Refused events do not count.
 */
export class SlidingWindowLimiter {
  private readonly events = new Map<string, number[]>();
  private readonly longestMs: number;

  constructor(
    private readonly windows: readonly RateWindow[],
    private readonly now: () => number = Date.now,
  ) {
    this.longestMs = Math.max(...windows.map((w) => w.windowMs));
  }

  /** How many ms until one more event would be allowed under every window; 0 means now. */
  waitMs(key: string): number {
    const now = this.now();
    const times = this.prune(key, now);
    let waitMs = 0;
    for (const { limit, windowMs } of this.windows) {
      const inWindow = countSince(times, now - windowMs);
      if (inWindow >= limit) {
        const oldestCounted = times[times.length - inWindow] as number;
        waitMs = Math.max(waitMs, oldestCounted + windowMs - now);
      }
    }
    return waitMs;
  }

  /** Counts one event now. */
  record(key: string): void {
    const now = this.now();
    this.prune(key, now).push(now);
  }

  private prune(key: string, now: number): number[] {
    let times = this.events.get(key);
    if (!times) {
      times = [];
      this.events.set(key, times);
    }
    const cutoff = now - this.longestMs;
    let drop = 0;
    while (drop < times.length && (times[drop] as number) <= cutoff) drop++;
    if (drop > 0) times.splice(0, drop);
    return times;
  }
}

/** Events strictly after `since`, counted from the newest end of a sorted list. */
function countSince(times: number[], since: number): number {
  let count = 0;
  for (let i = times.length - 1; i >= 0 && (times[i] as number) > since; i--) count++;
  return count;
}
