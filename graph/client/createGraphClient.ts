import {
  AuthenticationHandler,
  Client,
  type Context,
  type Middleware,
  RedirectHandler,
} from "@microsoft/microsoft-graph-client";
import type { TokenSource } from "../auth/msalTokenSource";
import type { GraphConnection } from "../connection";
import type { Fetch } from "../trustedFetch";
import { defaultRetryPolicy, RetryMiddleware, type RetryPolicy } from "./retryMiddleware";

export type GraphClientOptions = {
  connection: GraphConnection;
  tokens: TokenSource;
  fetch: Fetch;
  retry?: RetryPolicy;
};

/**
 * The one Graph client: authentication, retries, redirects (report CSVs) and
 * our fetch, in that order. Graph hosts other than Microsoft's (the dev
 * tenant) are named as custom hosts, or the SDK would send them no token.
 */
export function createGraphClient({ connection, tokens, fetch, retry }: GraphClientOptions): Client {
  const auth = new AuthenticationHandler({ getAccessToken: () => tokens.graphToken() });
  const retries = new RetryMiddleware(retry ?? defaultRetryPolicy);
  const redirects = new RedirectHandler();
  const transport = new FetchMiddleware(fetch);
  auth.setNext(retries);
  retries.setNext(redirects);
  redirects.setNext(transport);
  const host = new URL(connection.graphBaseUrl).hostname;
  return Client.initWithMiddleware({
    middleware: auth,
    baseUrl: `${connection.graphBaseUrl.replace(/\/$/, "")}/`,
    defaultVersion: "v1.0",
    ...(host === "graph.microsoft.com" ? {} : { customHosts: new Set([host]) }),
  });
}

/** The last link: sends the request with the fetch that trusts the right certificates. */
class FetchMiddleware implements Middleware {
  constructor(private readonly fetch: Fetch) {}
  async execute(context: Context): Promise<void> {
    const request = context.request;
    const url = typeof request === "string" ? request : request.url;
    context.response = await this.fetch(url, context.options as RequestInit);
  }
}
