import type { AuthConfig } from "./authConfig";

/**
 * The dev tenant's implicit flow for a tab opened in a plain browser. Only the
 * anti-forgery state goes to sessionStorage: the token itself stays in memory,
 * so a reload signs in again rather than leaving a token on disk.
 */
const stateKey = "icthub.signInState";

export type FragmentResult = { token: string } | { error: string } | null;

/** Reads a token (or an error) the authorize endpoint put in the URL fragment, and clears the fragment. */
export function takeTokenFromFragment(): FragmentResult {
  if (!window.location.hash) return null;
  const fields = new URLSearchParams(window.location.hash.slice(1));
  const expected = sessionStorage.getItem(stateKey);
  sessionStorage.removeItem(stateKey);
  history.replaceState(null, "", window.location.pathname + window.location.search);
  if (expected === null || fields.get("state") !== expected) return { error: "state_mismatch" };
  const error = fields.get("error_description") ?? fields.get("error");
  if (error) return { error };
  const token = fields.get("access_token");
  return token ? { token } : { error: "no_token" };
}

/** Sends the browser to the dev tenant's sign-in, coming back to this same page (view and login_hint kept). */
export function redirectToSignIn(config: AuthConfig): void {
  const state = crypto.randomUUID();
  sessionStorage.setItem(stateKey, state);
  const page = new URL(window.location.href);
  page.hash = "";
  const authorize = new URL(`${config.authority}/oauth2/v2.0/authorize`);
  authorize.search = new URLSearchParams({
    client_id: config.clientId,
    response_type: "token",
    redirect_uri: page.toString(),
    scope: config.scope,
    state,
    nonce: crypto.randomUUID(),
  }).toString();
  const hint = page.searchParams.get("login_hint");
  if (hint) authorize.searchParams.set("login_hint", hint);
  window.location.assign(authorize.toString());
}
