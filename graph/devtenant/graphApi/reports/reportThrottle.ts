/** A limit of `limit` calls in any `windowMs`, per app and report. */
export type ReportThrottleOptions = { limit: number; windowMs: number };

/** Graph's CSV report limit: 14 requests per 10 minutes per app, counted per report API. */
export const graphReportLimit: ReportThrottleOptions = { limit: 14, windowMs: 10 * 60_000 };

/** Counts report calls per key in a sliding window; refused calls do not count. */
export class ReportThrottle {
  private readonly calls = new Map<string, number[]>();

  constructor(
    private readonly options: ReportThrottleOptions | false,
    private readonly now: () => Date,
  ) {}

  /** Counts the call and returns 0, or returns the seconds to wait without counting it. */
  take(key: string): number {
    if (!this.options) return 0;
    const { limit, windowMs } = this.options;
    const at = this.now().getTime();
    const recent = (this.calls.get(key) ?? []).filter((t) => t > at - windowMs);
    this.calls.set(key, recent);
    const oldest = recent[0];
    if (recent.length >= limit && oldest !== undefined) return Math.max(1, Math.ceil((oldest + windowMs - at) / 1000));
    recent.push(at);
    return 0;
  }
}
