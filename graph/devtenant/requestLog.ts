/** Which part of the dev tenant answered. */
export type RequestArea = "identity" | "graph" | "reportDownload" | "admin" | "other";

/** One request the dev tenant answered, as tests and the admin route read it. */
export type RequestLogEntry = {
  seq: number;
  /** ISO date-time when the answer was sent. */
  at: string;
  method: string;
  /** Path and query as received, e.g. /v1.0/users?$top=5 */
  url: string;
  status: number;
  area: RequestArea;
  /** The `id` of the $batch item this was, when it came inside a batch. */
  batchItemId?: string;
};

/** The last `capacity` requests, oldest first; older ones fall off. */
export class RequestLog {
  private readonly ring: RequestLogEntry[] = [];
  private nextSeq = 1;

  constructor(private readonly capacity = 10_000) {}

  add(entry: Omit<RequestLogEntry, "seq">): RequestLogEntry {
    const full = { seq: this.nextSeq++, ...entry };
    this.ring.push(full);
    if (this.ring.length > this.capacity) this.ring.shift();
    return full;
  }

  /** Everything kept, oldest first, optionally only one area. */
  entries(area?: RequestArea): RequestLogEntry[] {
    return area ? this.ring.filter((e) => e.area === area) : [...this.ring];
  }

  clear(): void {
    this.ring.length = 0;
  }
}
