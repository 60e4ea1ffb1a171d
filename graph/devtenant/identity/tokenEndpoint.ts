import type { Request, Response } from "express";
import type { Council } from "../council/types";
import { sendEntraError } from "./entraErrors";
import { defaultDelegatedScopes, graphAppId, graphResource, type TenantIdentity } from "./tenantIdentity";
import type { TokenService } from "./tokens";

const oidcScopes = new Set(["openid", "profile", "email", "offline_access"]);

/**
 * `POST /{tenant}/oauth2/v2.0/token`: client credentials and on-behalf-of,
 * answered and refused as Entra ID does. Only the client secret authenticates
 * the app: the dev tenant has no certificate registered.
 */
export async function handleTokenRequest(
  req: Request,
  res: Response,
  deps: { identity: TenantIdentity; tokens: TokenService; council: Council },
): Promise<void> {
  res.set("cache-control", "no-store");
  const form = formOf(req);
  const { identity } = deps;
  const basic = basicCredentials(req.get("authorization"));
  const clientId = form.client_id ?? basic?.id;
  const clientSecret = form.client_secret ?? basic?.secret;

  if (!clientId) {
    return sendEntraError(
      res,
      400,
      "invalid_request",
      900144,
      "The request body must contain the following parameter: 'client_id'.",
    );
  }
  if (clientId !== identity.clientId) {
    return sendEntraError(
      res,
      400,
      "unauthorized_client",
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${identity.tenantId}'.`,
    );
  }
  if (form.client_assertion) {
    return sendEntraError(
      res,
      401,
      "invalid_client",
      700027,
      "Client assertion failed signature validation. (The dev tenant registers no certificate: use the client secret.)",
    );
  }
  if (!clientSecret) {
    return sendEntraError(
      res,
      401,
      "invalid_client",
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    );
  }
  if (clientSecret !== identity.clientSecret) {
    return sendEntraError(
      res,
      401,
      "invalid_client",
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${identity.clientId}'.`,
    );
  }

  const scopes = (form.scope ?? "").split(/\s+/).filter((s) => s !== "");
  switch (form.grant_type) {
    case "client_credentials":
      return clientCredentials(res, scopes, deps);
    case "urn:ietf:params:oauth:grant-type:jwt-bearer":
      return onBehalfOf(res, form, scopes, deps);
    case undefined:
      return sendEntraError(
        res,
        400,
        "invalid_request",
        900144,
        "The request body must contain the following parameter: 'grant_type'.",
      );
    default:
      return sendEntraError(res, 400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
  }
}

async function clientCredentials(
  res: Response,
  scopes: string[],
  deps: { tokens: TokenService; identity: TenantIdentity },
) {
  const resourceScopes = scopes.filter((s) => !oidcScopes.has(s));
  if (resourceScopes.length === 0) {
    return sendEntraError(
      res,
      400,
      "invalid_request",
      900144,
      "The request body must contain the following parameter: 'scope'.",
    );
  }
  const [scope] = resourceScopes;
  if (resourceScopes.length > 1 || !scope?.endsWith("/.default")) {
    return sendEntraError(
      res,
      400,
      "invalid_scope",
      1002012,
      `The provided value for scope ${resourceScopes.join(" ")} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  const resource = scope.slice(0, -"/.default".length);
  if (!isGraph(resource)) return unknownResource(res, resource, deps.identity);
  const issued = await deps.tokens.graphAppToken();
  res.json({
    token_type: "Bearer",
    expires_in: issued.expiresIn,
    ext_expires_in: issued.expiresIn,
    access_token: issued.token,
  });
}

async function onBehalfOf(
  res: Response,
  form: Record<string, string>,
  scopes: string[],
  deps: { tokens: TokenService; identity: TenantIdentity; council: Council },
) {
  if (form.requested_token_use !== "on_behalf_of") {
    return sendEntraError(
      res,
      400,
      "invalid_request",
      50027,
      "JWT token is invalid or malformed: requested_token_use must be on_behalf_of.",
    );
  }
  if (!form.assertion) {
    return sendEntraError(
      res,
      400,
      "invalid_request",
      900144,
      "The request body must contain the following parameter: 'assertion'.",
    );
  }
  const checked = await deps.tokens.verifyUserAssertion(form.assertion);
  if (!checked.ok) {
    return checked.reason === "expired"
      ? sendEntraError(
          res,
          400,
          "invalid_grant",
          500133,
          "Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token.",
        )
      : sendEntraError(res, 400, "invalid_grant", 50013, `Assertion failed signature validation. ${checked.message}`);
  }
  const user = deps.council.users.get(checked.value.userId);
  if (!user) {
    return sendEntraError(res, 400, "invalid_grant", 50034, "The user account does not exist in the directory.");
  }
  if (!user.accountEnabled) {
    return sendEntraError(res, 400, "invalid_grant", 50057, "The user account is disabled.");
  }
  const granted: string[] = [];
  for (const scope of scopes.filter((s) => !oidcScopes.has(s))) {
    const slash = scope.lastIndexOf("/");
    const resource = slash === -1 ? graphResource : scope.slice(0, slash);
    const permission = slash === -1 ? scope : scope.slice(slash + 1);
    if (!isGraph(resource)) return unknownResource(res, resource, deps.identity);
    granted.push(...(permission === ".default" ? defaultDelegatedScopes : [permission]));
  }
  if (granted.length === 0) granted.push(...defaultDelegatedScopes);
  const unique = [...new Set(granted)];
  const issued = await deps.tokens.graphUserToken(user, unique);
  res.json({
    token_type: "Bearer",
    scope: unique.map((s) => `${graphResource}/${s}`).join(" "),
    expires_in: issued.expiresIn,
    ext_expires_in: issued.expiresIn,
    access_token: issued.token,
  });
}

function isGraph(resource: string): boolean {
  return resource === graphResource || resource === `${graphResource}/` || resource === graphAppId;
}

function unknownResource(res: Response, resource: string, identity: TenantIdentity) {
  sendEntraError(
    res,
    400,
    "invalid_scope",
    500011,
    `The resource principal named ${resource} was not found in the tenant named ${identity.tenantId}. The dev tenant serves Microsoft Graph only.`,
  );
}

function formOf(req: Request): Record<string, string> {
  const body: unknown = req.body;
  const form: Record<string, string> = {};
  if (body && typeof body === "object") {
    for (const [key, value] of Object.entries(body)) if (typeof value === "string") form[key] = value;
  }
  return form;
}

/** client_secret_basic: Entra accepts the client id and secret in an HTTP Basic header too. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  if (!header?.startsWith("Basic ")) return undefined;
  const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon === -1) return undefined;
  try {
    return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}
