import { fetchTrusting } from "../../graph/trustedFetch";
import type { TestApp } from "./testApp";

// biome-ignore lint/suspicious/noExplicitAny: tests read the API's JSON loosely
type Json = any;

/** What the tab API answered: the status, the raw response, and its JSON (`{}` for anything else). */
export type TabApiAnswer = { status: number; response: Response; json: Json };

/**
 * Calls the tab API of a test app as the tabs do: SSO tokens from the dev
 * tenant's authorize endpoint (as a tab opened in a plain browser gets them),
 * sent as bearer tokens. `close` lets go of the connection to the dev tenant.
 */
export function tabApiSession(t: TestApp) {
  const devTenant = t.app.graph.devTenant;
  if (!devTenant) throw new Error("expected dev-tenant mode");
  const tenant = fetchTrusting(devTenant.caCertPem);

  /** A token for someone, by sign-in name or object id; the authorize endpoint answers 302 with it in the fragment. */
  async function signIn(loginHint: string): Promise<string> {
    const config = (await (await fetch(`${t.app.url}/api/tab/auth-config`)).json()) as Record<string, string>;
    const authorize = new URL(`${config.authority}/oauth2/v2.0/authorize`);
    authorize.search = new URLSearchParams({
      client_id: config.clientId ?? "",
      response_type: "token",
      redirect_uri: "http://localhost/tab",
      scope: config.scope ?? "",
      login_hint: loginHint,
    }).toString();
    const response = await tenant.fetch(authorize, { redirect: "manual" });
    if (response.status !== 302) throw new Error(`the dev tenant refused to sign in ${loginHint}: ${response.status}`);
    const fragment = new URLSearchParams(new URL(response.headers.get("location") ?? "").hash.slice(1));
    return fragment.get("access_token") ?? "";
  }

  /** GET, or POST when there is a body; no token (null) sends no Authorization header. */
  async function call(token: string | null, path: string, body?: unknown): Promise<TabApiAnswer> {
    const response = await fetch(`${t.app.url}/api/tab${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: {
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const type = response.headers.get("content-type") ?? "";
    return { status: response.status, response, json: type.includes("json") ? await response.json() : {} };
  }

  return { signIn, call, close: async () => tenant.dispatcher?.close() };
}
