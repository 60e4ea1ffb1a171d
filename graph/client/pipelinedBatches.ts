import type { Client } from "@microsoft/microsoft-graph-client";
import { type BatchOptions, type BatchResult, batchGet } from "./batch";

/**
 * Reads `ids` through $batch in chunks and hands each chunk's results to
 * `save`, fetching the next chunk while the last one is saved.
 */
export async function pipelinedBatches(
  client: Client,
  ids: readonly string[],
  pathOf: (id: string) => string,
  chunkSize: number,
  save: (ids: string[], results: Map<string, BatchResult>) => Promise<void>,
  options: BatchOptions & { beforeChunk?: (count: number) => Promise<void> } = {},
): Promise<void> {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += chunkSize) chunks.push(ids.slice(i, i + chunkSize));
  const fetchChunk = async (chunk: string[]) => {
    await options.beforeChunk?.(chunk.length);
    return batchGet(client, chunk.map(pathOf), options);
  };
  let next = chunks[0] ? fetchChunk(chunks[0]) : undefined;
  next?.catch(() => {});
  for (let i = 0; i < chunks.length; i++) {
    const results = await (next as Promise<Map<string, BatchResult>>);
    const following = chunks[i + 1];
    next = following ? fetchChunk(following) : undefined;
    next?.catch(() => {});
    await save(chunks[i] as string[], results);
  }
}
