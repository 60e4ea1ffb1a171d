import { createRemoteJWKSet, customFetch, errors, type JWTPayload, jwtVerify } from "jose";
import { isAppAudience } from "../../graph/appAudience";
import type { Fetch } from "../../graph/trustedFetch";

/** The tenant whose tokens the tab API accepts, and how to reach its OpenID metadata. */
export type TokenIssuer = {
  /** e.g. https://login.microsoftonline.com/{tenantId}, or the dev tenant's https://localhost:PORT/{tenantId} */
  authority: string;
  tenantId: string;
  /** The app: tokens must be issued for it (its client id or api://…/{clientId}). */
  clientId: string;
  fetch: Fetch;
};

/** What the tab API needs of a valid token. */
export type TokenClaims = {
  oid: string;
  name: string | null;
  /** `preferred_username`: the sign-in name, as Entra puts it in v2 tokens. */
  userPrincipalName: string | null;
  /** App roles assigned to the person (Entra's `roles` claim). */
  appRoles: readonly string[];
};

/** Why a token was refused; "unavailable" when the tenant's keys could not be read (not the caller's fault). */
export class TokenRejected extends Error {
  constructor(
    readonly reason: "invalid" | "expired" | "unavailable",
    message: string,
  ) {
    super(message);
    this.name = "TokenRejected";
  }
}

export type TokenValidator = (token: string) => Promise<TokenClaims>;

/**
 * Validates v2 access tokens for the app as Teams SSO issues them: the
 * signature against the tenant's published keys (found through its OpenID
 * metadata, fetched once; jose refetches keys when a new `kid` appears), the
 * v2 issuer, the audience, the lifetime and the tenant.
 * @throws TokenRejected.
 */
export function tokenValidator(issuer: TokenIssuer): TokenValidator {
  const expectedIssuer = `${issuer.authority}/v2.0`;
  let keys: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;
  const keySet = () => {
    keys ??= discoverKeys(issuer).catch((error) => {
      keys = undefined;
      throw error;
    });
    return keys;
  };

  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await keySet(), {
        issuer: expectedIssuer,
        algorithms: ["RS256"],
        // Entra's and the server's clocks may differ a little.
        clockTolerance: 60,
      }));
    } catch (error) {
      throw rejection(error);
    }
    if (typeof payload.aud !== "string" || !isAppAudience(issuer.clientId, payload.aud))
      throw new TokenRejected("invalid", "The token is not for this app");
    if (payload.tid !== issuer.tenantId) throw new TokenRejected("invalid", "The token is from another tenant");
    // A delegated token names a person and carries scopes; an app-only token for the API does not.
    if (typeof payload.oid !== "string" || typeof payload.scp !== "string")
      throw new TokenRejected("invalid", "The token does not name a signed-in person");
    return {
      oid: payload.oid,
      name: typeof payload.name === "string" ? payload.name : null,
      userPrincipalName: typeof payload.preferred_username === "string" ? payload.preferred_username : null,
      appRoles: Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === "string") : [],
    };
  };
}

async function discoverKeys(issuer: TokenIssuer) {
  const response = await issuer.fetch(`${issuer.authority}/v2.0/.well-known/openid-configuration`);
  if (!response.ok) throw new TokenRejected("unavailable", `The tenant's OpenID metadata answered ${response.status}`);
  const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: unknown };
  if (typeof jwksUri !== "string")
    throw new TokenRejected("unavailable", "The tenant's OpenID metadata has no jwks_uri");
  return createRemoteJWKSet(new URL(jwksUri), {
    [customFetch]: (url, init) => issuer.fetch(url, init),
  });
}

function rejection(error: unknown): TokenRejected {
  if (error instanceof TokenRejected) return error;
  if (error instanceof errors.JWTExpired) return new TokenRejected("expired", "The token has expired");
  if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError))
    return new TokenRejected("unavailable", "The tenant's signing keys could not be read");
  return new TokenRejected("invalid", "The token is not valid");
}
