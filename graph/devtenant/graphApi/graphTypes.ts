import type { Council, CouncilUser, UserDayActivity } from "../council/types";
import type { GraphCaller } from "../identity/tokens";

/** The Graph API versions served, under the same routes. */
export type GraphVersion = "v1.0" | "beta";

/** Produces one person's Microsoft 365 use on one day (YYYY-MM-DD); the council generator supplies it. */
export type ActivityFor = (council: Council, user: CouncilUser, date: string) => UserDayActivity;

/** A Graph request as it arrives, before anything is checked. */
export type IncomingGraphRequest = {
  method: string;
  version: GraphVersion;
  /** Path and query after the version, raw, e.g. /users?$top=5 */
  target: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: unknown;
  /** The body was sent but is not JSON: refused after authentication, as Graph orders its checks. */
  malformedBody?: boolean;
};

/** One Graph request, whether it came over HTTP or inside a $batch. */
export type GraphRequest = {
  method: string;
  version: GraphVersion;
  /** Path after the version, decoded, e.g. /users/priya.shah@llanfair.gov.uk */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: unknown;
  caller: GraphCaller;
};

/** What a route answers; the dispatcher adds the request ids and Graph's error details. */
export type GraphResponse = {
  status: number;
  headers?: Record<string, string>;
  /** JSON body; absent for bodiless answers such as 302 and 204. */
  body?: unknown;
};

/** What every route can see: the council and where the tenant is served. */
export type GraphContext = {
  council: Council;
  /** e.g. https://localhost:8443 */
  baseUrl: string;
  activityFor: ActivityFor;
  now: () => Date;
};

/** A refusal that becomes Graph's error JSON: `{ error: { code, message, innerError } }`. */
export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A JSON 200 (or other status) answer. */
export function ok(body: unknown, status = 200): GraphResponse {
  return { status, body };
}
