/** Trouble the dev tenant adds to Graph requests (never to identity requests). */
export type FaultOptions = {
  /** Share of Graph requests answered 429 with Retry-After, 0 to 1. */
  throttleRate?: number;
  /** Retry-After seconds on those 429s (default 2). */
  retryAfterSeconds?: number;
  /** Share of Graph requests answered 503 or 504, 0 to 1. */
  serverErrorRate?: number;
  /** Added to every Graph request before it is answered, in ms. */
  latencyMs?: number;
  /** Makes the sequence of faults repeat from run to run; without it faults are random. */
  seed?: number;
};

/** What to do to one request. */
export type FaultDecision =
  | { kind: "none" }
  | { kind: "throttle"; retryAfterSeconds: number }
  | { kind: "serverError"; status: 503 | 504 };

/** Decides, request by request, whether to fault it, from one seeded sequence. */
export class FaultInjector {
  private options: FaultOptions = {};
  private random: () => number = Math.random;

  constructor(options: FaultOptions = {}) {
    this.set(options);
  }

  /** Replaces the options; a seed restarts the sequence. */
  set(options: FaultOptions): void {
    for (const [name, rate] of [
      ["throttleRate", options.throttleRate],
      ["serverErrorRate", options.serverErrorRate],
    ] as const) {
      if (rate !== undefined && !(rate >= 0 && rate <= 1)) throw new RangeError(`${name} must be between 0 and 1`);
    }
    if (options.latencyMs !== undefined && !(options.latencyMs >= 0)) throw new RangeError("latencyMs must be ≥ 0");
    if (options.retryAfterSeconds !== undefined && !(options.retryAfterSeconds >= 0)) {
      throw new RangeError("retryAfterSeconds must be ≥ 0");
    }
    this.options = { ...options };
    this.random = options.seed === undefined ? Math.random : mulberry32(options.seed);
  }

  get(): FaultOptions {
    return { ...this.options };
  }

  get latencyMs(): number {
    return this.options.latencyMs ?? 0;
  }

  /** Draws once per request, so that a seed gives the same faults for the same request order. */
  decide(): FaultDecision {
    const { throttleRate = 0, serverErrorRate = 0 } = this.options;
    if (throttleRate === 0 && serverErrorRate === 0) return { kind: "none" };
    const draw = this.random();
    if (draw < throttleRate) return { kind: "throttle", retryAfterSeconds: this.options.retryAfterSeconds ?? 2 };
    if (draw < throttleRate + serverErrorRate) return { kind: "serverError", status: this.random() < 0.5 ? 503 : 504 };
    return { kind: "none" };
  }
}

/** A small, fast seeded generator: good enough to pick faults, not for secrets. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
