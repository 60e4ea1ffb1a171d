import { randomUUID } from "node:crypto";
import type { RequestLog } from "../requestLog";
import { GraphHttpError, type GraphResponse, type IncomingGraphRequest } from "./graphTypes";
import { errorResponse, finish } from "./responses";

/** At most this many requests in one $batch, as Graph allows. */
const batchLimit = 20;

/**
 * `POST /$batch`: each item goes through `execute` as a request of its own
 * (faults included) and is logged on its own; an item whose dependency
 * failed is answered 424 without running.
 */
export async function runBatch(
  incoming: IncomingGraphRequest,
  execute: (item: IncomingGraphRequest) => Promise<GraphResponse>,
  log: RequestLog,
  now: () => Date,
): Promise<GraphResponse> {
  const items = batchItems(incoming.body);
  const statuses = new Map<string, number>();
  const responses: unknown[] = [];
  for (const item of items) {
    const requestId = randomUUID();
    const failedDependency = item.dependsOn.some((id) => (statuses.get(id) ?? 424) >= 400);
    let response: GraphResponse;
    try {
      if (failedDependency) throw new GraphHttpError(424, "FailedDependency", "A request this one depends on failed.");
      response = await execute({
        method: item.method,
        version: incoming.version,
        target: item.url,
        headers: { ...incoming.headers, ...item.headers },
        body: item.body,
      });
    } catch (error) {
      response = errorResponse(error);
    }
    const done = finish(response, requestId, incoming.headers["client-request-id"] ?? requestId);
    statuses.set(item.id, done.status);
    log.add({
      at: now().toISOString(),
      method: item.method,
      url: `/${incoming.version}${item.url}`,
      status: done.status,
      area: "graph",
      batchItemId: item.id,
    });
    // Batch items carry their headers in Graph's capitalised spelling, without the ids of the outer response.
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(done.headers ?? {})) {
      if (name !== "request-id" && name !== "client-request-id") headers[capitalised(name)] = value;
    }
    responses.push({
      id: item.id,
      status: done.status,
      headers,
      ...(done.body === undefined ? {} : { body: done.body }),
    });
  }
  return { status: 200, body: { responses } };
}

type BatchItem = {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
};

/** The items of a $batch body, refused as Graph refuses a malformed or oversized batch. */
function batchItems(body: unknown): BatchItem[] {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests)) {
    throw new GraphHttpError(400, "BadRequest", 'Invalid batch payload format: expected { "requests": [ ... ] }.');
  }
  if (requests.length === 0)
    throw new GraphHttpError(400, "BadRequest", "The batch must contain at least one request.");
  if (requests.length > batchLimit) {
    throw new GraphHttpError(
      400,
      "BadRequest",
      `The batch contains ${requests.length} requests: at most ${batchLimit} are allowed.`,
    );
  }
  const seen = new Set<string>();
  return requests.map((raw: unknown) => {
    const r = (raw ?? {}) as Record<string, unknown>;
    const id = typeof r.id === "string" || typeof r.id === "number" ? String(r.id) : "";
    const method = typeof r.method === "string" ? r.method.toUpperCase() : "";
    const url = typeof r.url === "string" ? r.url : "";
    if (id === "" || method === "" || url === "") {
      throw new GraphHttpError(400, "BadRequest", "Every batch request needs an id, a method and a url.");
    }
    if (seen.has(id)) throw new GraphHttpError(400, "BadRequest", `Batch request id '${id}' is used twice.`);
    seen.add(id);
    if (/^https?:/i.test(url)) {
      throw new GraphHttpError(
        400,
        "BadRequest",
        `Batch request '${id}' has an absolute url: use one relative to the version.`,
      );
    }
    const headers: Record<string, string> = {};
    if (r.headers && typeof r.headers === "object") {
      for (const [name, value] of Object.entries(r.headers))
        if (typeof value === "string") headers[name.toLowerCase()] = value;
    }
    const dependsOn = Array.isArray(r.dependsOn) ? r.dependsOn.map(String) : [];
    return { id, method, url: url.startsWith("/") ? url : `/${url}`, headers, body: r.body, dependsOn };
  });
}

function capitalised(header: string): string {
  return header.replace(/(^|-)([a-z])/g, (_all, dash: string, letter: string) => dash + letter.toUpperCase());
}
