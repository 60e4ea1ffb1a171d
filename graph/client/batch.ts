import type { Client } from "@microsoft/microsoft-graph-client";
import { retryAfterMs } from "./retryMiddleware";

/** Graph's limit on requests in one $batch. */
export const maxBatchSize = 20;

export type BatchResult = { status: number; body: unknown };

export type BatchOptions = {
  /** Graph version of every path (a batch cannot mix them). */
  version?: "v1.0" | "beta";
  /** Batches in flight at once. */
  concurrency?: number;
  /** Rounds in which throttled or failed sub-requests are sent again. */
  maxRounds?: number;
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Called after each batch with how many paths have a final answer. */
  onProgress?: (done: number) => void;
};

const retryable = new Set([429, 502, 503, 504]);

/**
 * GETs many relative paths through $batch, 20 at a time. A sub-request Graph
 * throttles (429, with its own Retry-After) or fails transiently is sent again
 * in a later round; every path ends with its final status and body.
 */
export async function batchGet(
  client: Client,
  paths: readonly string[],
  options: BatchOptions = {},
): Promise<Map<string, BatchResult>> {
  const { concurrency = 4, maxRounds = 10, maxWaitMs = 60_000, version = "v1.0" } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const results = new Map<string, BatchResult>();
  let pending = [...new Set(paths)];

  for (let round = 1; pending.length > 0; round++) {
    const chunks: string[][] = [];
    for (let i = 0; i < pending.length; i += maxBatchSize) chunks.push(pending.slice(i, i + maxBatchSize));
    const again: string[] = [];
    let waitMs = 0;

    let next = 0;
    const worker = async () => {
      while (next < chunks.length) {
        const chunk = chunks[next++] as string[];
        const body = (await client
          .api("/$batch")
          .version(version)
          .post({
            requests: chunk.map((url, id) => ({ id: String(id), method: "GET", url })),
          })) as { responses: { id: string; status: number; headers?: Record<string, string>; body?: unknown }[] };
        for (const response of body.responses) {
          const path = chunk[Number(response.id)] as string;
          if (retryable.has(response.status) && round < maxRounds) {
            again.push(path);
            const header = response.headers?.["Retry-After"] ?? response.headers?.["retry-after"] ?? null;
            waitMs = Math.max(waitMs, retryAfterMs(header) ?? 1000 * round);
          } else {
            results.set(path, { status: response.status, body: response.body });
          }
        }
        options.onProgress?.(results.size);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));

    pending = again;
    if (pending.length > 0) await sleep(Math.min(waitMs, maxWaitMs));
  }
  return results;
}
