import express, { type Request, type Response } from "express";
import type { Council } from "../council/types";
import { handleAuthorize } from "./authorizeEndpoint";
import { sendEntraError } from "./entraErrors";
import type { SigningKey } from "./signingKey";
import { type TenantIdentity, v2Issuer } from "./tenantIdentity";
import { handleTokenRequest } from "./tokenEndpoint";
import type { TokenService } from "./tokens";

export type IdentityDeps = { identity: TenantIdentity; tokens: TokenService; key: SigningKey; council: Council };

/**
 * Entra ID's v2 endpoints for one tenant: OpenID metadata, keys, token and
 * authorize. The tenant segment may be the tenant id, the council's domain,
 * `common` or `organizations`, as Entra accepts.
 */
export function identityRoutes(deps: IdentityDeps): express.Router {
  const router = express.Router();
  const { identity } = deps;

  router.get("/common/discovery/instance", (req, res) => {
    res.json(instanceDiscovery(identity, String(req.query.authorization_endpoint ?? "")));
  });
  router.get("/:tenant/v2.0/.well-known/openid-configuration", (req, res) => metadata(req, res, deps));
  // Entra's v1 path: served with the same v2 document, which is what the app's validators read.
  router.get("/:tenant/.well-known/openid-configuration", (req, res) => metadata(req, res, deps));
  router.get(["/:tenant/discovery/v2.0/keys", "/:tenant/discovery/keys"], (req, res) => {
    if (!knownTenant(req, res, deps)) return;
    res.json({ keys: [deps.key.publicJwk] });
  });
  router.post(
    "/:tenant/oauth2/v2.0/token",
    express.urlencoded({ extended: false, limit: "64kb" }),
    async (req, res) => {
      if (!knownTenant(req, res, deps)) return;
      await handleTokenRequest(req, res, deps);
    },
  );
  router.get("/:tenant/oauth2/v2.0/authorize", async (req, res) => {
    if (!knownTenant(req, res, deps)) return;
    await handleAuthorize(req, res, deps);
  });
  return router;
}

function knownTenant(req: Request, res: Response, deps: IdentityDeps): boolean {
  const tenant = String(req.params.tenant).toLowerCase();
  const known = [deps.identity.tenantId.toLowerCase(), deps.council.domain.toLowerCase(), "common", "organizations"];
  if (known.includes(tenant)) return true;
  sendEntraError(
    res,
    400,
    "invalid_request",
    90002,
    `Tenant '${req.params.tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
  );
  return false;
}

function metadata(req: Request, res: Response, deps: IdentityDeps) {
  if (!knownTenant(req, res, deps)) return;
  const { identity } = deps;
  const tenant = String(req.params.tenant);
  const base = `${identity.baseUrl}/${tenant}`;
  const specific = tenant.toLowerCase() !== "common" && tenant.toLowerCase() !== "organizations";
  res.json({
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ["query", "fragment", "form_post"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    // Multi-tenant metadata carries a placeholder issuer, as Entra's does.
    issuer: specific ? v2Issuer(identity) : `${identity.baseUrl}/{tenantid}/v2.0`,
    request_uri_parameter_supported: false,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    claims_supported: [
      "sub",
      "iss",
      "aud",
      "exp",
      "iat",
      "nbf",
      "name",
      "oid",
      "preferred_username",
      "tid",
      "ver",
      "nonce",
    ],
    tenant_region_scope: "EU",
    cloud_instance_name: "microsoftonline.com",
    cloud_graph_host_name: "graph.windows.net",
    msgraph_host: new URL(identity.baseUrl).host,
  });
}

/** What `login.microsoftonline.com/common/discovery/instance` answers, for this host alone. */
function instanceDiscovery(identity: TenantIdentity, authorizationEndpoint: string) {
  const host = new URL(identity.baseUrl).host;
  const tenant = /^https?:\/\/[^/]+\/([^/]+)\//.exec(authorizationEndpoint)?.[1] ?? "common";
  return {
    tenant_discovery_endpoint: `${identity.baseUrl}/${tenant}/v2.0/.well-known/openid-configuration`,
    "api-version": "1.1",
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  };
}
