import { randomUUID } from "node:crypto";
import type { Request, Response } from "express";
import type { Council } from "../council/types";
import { findUser } from "../directory";
import { signInErrorPage, signInPage } from "./signInPage";
import { apiAudience, type TenantIdentity } from "./tenantIdentity";
import type { TokenService } from "./tokens";

const listLimit = 50;

/**
 * `GET /{tenant}/oauth2/v2.0/authorize`, implicit-style for tabs opened in a
 * plain browser: pick a person (or pass `login_hint`) and the browser goes
 * back to `redirect_uri` with tokens in the fragment. Only loopback redirect
 * URIs are accepted, so the page can never hand a token to another site.
 */
export async function handleAuthorize(
  req: Request,
  res: Response,
  deps: { identity: TenantIdentity; tokens: TokenService; council: Council },
): Promise<void> {
  const params = new URL(req.originalUrl, deps.identity.baseUrl).searchParams;
  const clientId = params.get("client_id");
  const redirectUri = params.get("redirect_uri");
  if (clientId !== deps.identity.clientId) {
    res
      .status(400)
      .type("html")
      .send(signInErrorPage(`AADSTS700016: Application '${clientId ?? ""}' was not found.`));
    return;
  }
  const redirect = redirectUri ? loopbackUrl(redirectUri) : undefined;
  if (!redirect) {
    res
      .status(400)
      .type("html")
      .send(signInErrorPage("AADSTS50011: The redirect URI must be an http(s) address on localhost or 127.0.0.1."));
    return;
  }
  const responseTypes = new Set((params.get("response_type") ?? "").split(" "));
  const state = params.get("state");
  const back = (fields: Record<string, string>) => {
    const fragment = new URLSearchParams(fields);
    if (state !== null) fragment.set("state", state);
    redirect.hash = fragment.toString();
    res.redirect(302, redirect.toString());
  };
  if (!responseTypes.has("token") && !responseTypes.has("id_token")) {
    back({
      error: "unsupported_response_type",
      error_description: "The dev tenant supports response_type token and id_token.",
    });
    return;
  }

  const hint = params.get("login_hint");
  const user = hint ? findUser(deps.council, hint) : undefined;
  if (user && !user.accountEnabled) {
    back({ error: "access_denied", error_description: "AADSTS50057: The user account is disabled." });
    return;
  }
  if (!user) {
    if (params.get("prompt") === "none") {
      back({
        error: "login_required",
        error_description: "AADSTS50058: A silent sign-in request was sent but no user is signed in.",
      });
      return;
    }
    showPicker(res, params, deps);
    return;
  }

  const { audience, scopes } = requestedApi(params.get("scope") ?? "", deps.identity);
  const fields: Record<string, string> = { session_state: randomUUID() };
  if (responseTypes.has("token")) {
    fields.access_token = await deps.tokens.userToken(user, { audience, scopes });
    fields.token_type = "Bearer";
    fields.expires_in = "3600";
    fields.scope = scopes.map((s) => `${audience}/${s}`).join(" ");
  }
  if (responseTypes.has("id_token")) {
    fields.id_token = await deps.tokens.idToken(user, params.get("nonce") ?? undefined);
  }
  back(fields);
}

function showPicker(res: Response, params: URLSearchParams, deps: { identity: TenantIdentity; council: Council }) {
  const query = (params.get("q") ?? "").trim().toLowerCase();
  const matches = [...deps.council.users.values()].filter(
    (u) =>
      u.accountEnabled &&
      (query === "" ||
        u.displayName.toLowerCase().includes(query) ||
        u.userPrincipalName.toLowerCase().includes(query) ||
        u.department.toLowerCase().includes(query)),
  );
  matches.sort((a, b) => a.displayName.localeCompare(b.displayName, "en-GB"));
  const authorizeUrl = new URL(`${deps.identity.baseUrl}/${deps.identity.tenantId}/oauth2/v2.0/authorize`);
  for (const [name, value] of params)
    if (name !== "q" && name !== "login_hint") authorizeUrl.searchParams.append(name, value);
  res.type("html").send(
    signInPage({
      councilName: deps.council.displayName,
      authorizeUrl,
      query,
      users: matches.slice(0, listLimit),
      matched: matches.length,
    }),
  );
}

/** The app's own API scopes asked for (e.g. api://localhost/{clientId}/access_as_user), else the default. */
function requestedApi(scope: string, identity: TenantIdentity): { audience: string; scopes: string[] } {
  const apiScopes = scope.split(/\s+/).filter((s) => s.startsWith("api://") || s.startsWith(`${identity.clientId}/`));
  const first = apiScopes[0];
  if (!first) return { audience: apiAudience(identity), scopes: ["access_as_user"] };
  const audience = first.slice(0, first.lastIndexOf("/"));
  return { audience, scopes: apiScopes.map((s) => s.slice(s.lastIndexOf("/") + 1)) };
}

function loopbackUrl(uri: string): URL | undefined {
  try {
    const url = new URL(uri);
    const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
    return loopback && (url.protocol === "https:" || url.protocol === "http:") ? url : undefined;
  } catch {
    return undefined;
  }
}
