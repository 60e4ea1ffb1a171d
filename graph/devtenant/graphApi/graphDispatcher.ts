import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { FaultInjector } from "../faults";
import type { GraphCaller, TokenService } from "../identity/tokens";
import type { RequestLog } from "../requestLog";
import { runBatch } from "./batch";
import type { GraphRoute } from "./graphRoute";
import {
  type GraphContext,
  GraphHttpError,
  type GraphRequest,
  type GraphResponse,
  type IncomingGraphRequest,
} from "./graphTypes";
import { errorResponse, finish } from "./responses";

/**
 * Graph's front door: checks the bearer token, injects faults, routes, checks
 * permissions and shapes every answer as Graph does (request ids, error JSON).
 * A $batch runs its items through the same path, each faulted on its own.
 */
export class GraphDispatcher {
  constructor(
    private readonly deps: {
      ctx: GraphContext;
      tokens: TokenService;
      faults: FaultInjector;
      log: RequestLog;
      routes: readonly GraphRoute[];
      /** Where the authorize endpoint is, for WWW-Authenticate. */
      authorizeUrl: string;
    },
  ) {}

  async handle(incoming: IncomingGraphRequest): Promise<GraphResponse> {
    const requestId = randomUUID();
    const clientRequestId = incoming.headers["client-request-id"] ?? requestId;
    const latency = this.deps.faults.latencyMs;
    if (latency > 0) await sleep(latency);
    let response: GraphResponse;
    try {
      const caller = await this.authenticate(incoming.headers.authorization);
      if (incoming.malformedBody) throw new GraphHttpError(400, "BadRequest", "Unable to read JSON request payload.");
      response =
        incoming.method === "POST" && /^\/\$batch\/?(\?|$)/.test(incoming.target)
          ? await runBatch(incoming, (item) => this.execute(item, caller), this.deps.log, this.deps.ctx.now)
          : await this.execute(incoming, caller);
    } catch (error) {
      response = errorResponse(error);
    }
    return finish(response, requestId, clientRequestId);
  }

  private async authenticate(authorization: string | undefined): Promise<GraphCaller> {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
    const challenge = {
      "www-authenticate": `Bearer realm="", authorization_uri="${this.deps.authorizeUrl}", client_id="00000003-0000-0000-c000-000000000000"`,
    };
    if (!token) throw new GraphHttpError(401, "InvalidAuthenticationToken", "Access token is empty.", challenge);
    const verified = await this.deps.tokens.verifyGraphToken(token);
    if (!verified.ok) throw new GraphHttpError(401, "InvalidAuthenticationToken", verified.message, challenge);
    return verified.value;
  }

  /** One request: faults first (as Graph's gateway throttles before the service), then the route. */
  private async execute(incoming: IncomingGraphRequest, caller: GraphCaller): Promise<GraphResponse> {
    const fault = this.deps.faults.decide();
    if (fault.kind === "throttle") {
      throw new GraphHttpError(429, "TooManyRequests", "Too many requests. Retry after the interval in Retry-After.", {
        "retry-after": String(fault.retryAfterSeconds),
      });
    }
    if (fault.kind === "serverError") {
      throw fault.status === 503
        ? new GraphHttpError(503, "serviceNotAvailable", "The service is temporarily unavailable. Retry later.")
        : new GraphHttpError(504, "UnknownError", "The gateway timed out waiting for the service.");
    }
    const request = parseTarget(incoming, caller);
    const candidates = this.deps.routes.filter((r) => r.pattern.test(request.path));
    const route = candidates.find((r) => r.method === request.method);
    if (!route) {
      if (candidates.length > 0) {
        throw new GraphHttpError(
          405,
          "Request_BadRequest",
          `The HTTP method '${request.method}' is not allowed on this resource.`,
        );
      }
      const segment = request.path.split("/").filter((s) => s !== "")[0] ?? "";
      throw new GraphHttpError(
        400,
        "BadRequest",
        `Resource not found for the segment '${segment}'. (The dev tenant does not serve ${request.method} ${request.path}.)`,
      );
    }
    authorise(route, caller);
    const params = (route.pattern.exec(request.path) ?? []).slice(1).map((p) => p ?? "");
    return route.handle(request, this.deps.ctx, params);
  }
}

/** Splits and decodes the target; a malformed escape is Graph's 400. */
function parseTarget(incoming: IncomingGraphRequest, caller: GraphCaller): GraphRequest {
  const queryAt = incoming.target.indexOf("?");
  const rawPath = queryAt === -1 ? incoming.target : incoming.target.slice(0, queryAt);
  let path: string;
  try {
    path = rawPath.split("/").map(decodeURIComponent).join("/").replace(/\/+$/, "");
  } catch {
    throw new GraphHttpError(400, "BadRequest", "The request URL is not well formed.");
  }
  return {
    method: incoming.method.toUpperCase(),
    version: incoming.version,
    path: path === "" ? "/" : path,
    query: new URLSearchParams(queryAt === -1 ? "" : incoming.target.slice(queryAt + 1)),
    headers: incoming.headers,
    body: incoming.body,
    caller,
  };
}

function authorise(route: GraphRoute, caller: GraphCaller): void {
  const allowed =
    caller.kind === "app"
      ? route.permission.app.some((role) => caller.roles.has(role))
      : route.permission.delegated.some((scope) => caller.scopes.has(scope));
  if (!allowed) {
    throw new GraphHttpError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
  }
}
