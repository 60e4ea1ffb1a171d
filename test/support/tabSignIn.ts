import type { Fetch } from "../../graph/trustedFetch";

/**
 * A tab's SSO token for someone, got as a plain-browser tab gets it: the dev
 * tenant's authorize endpoint answers 302 with the token in the fragment.
 * `tenantFetch` trusts the dev tenant's certificate.
 */
export async function tabToken(appUrl: string, tenantFetch: Fetch, loginHint: string): Promise<string> {
  const config = (await (await fetch(`${appUrl}/api/tab/auth-config`)).json()) as Record<string, string>;
  const authorize = new URL(`${config.authority}/oauth2/v2.0/authorize`);
  authorize.search = new URLSearchParams({
    client_id: config.clientId ?? "",
    response_type: "token",
    redirect_uri: "http://localhost/tab",
    scope: config.scope ?? "",
    login_hint: loginHint,
  }).toString();
  const response = await tenantFetch(authorize, { redirect: "manual" });
  if (response.status !== 302) throw new Error(`the dev tenant refused to sign in ${loginHint}: ${response.status}`);
  const fragment = new URLSearchParams(new URL(response.headers.get("location") ?? "").hash.slice(1));
  return fragment.get("access_token") ?? "";
}
