import { randomUUID } from "node:crypto";
import { errors, type JWTPayload, jwtVerify, SignJWT } from "jose";
import type { CouncilUser } from "../council/types";
import type { SigningKey } from "./signingKey";
import {
  apiAudience,
  appRoles,
  graphAppId,
  graphIssuer,
  graphResource,
  isAppAudience,
  type TenantIdentity,
  v2Issuer,
} from "./tenantIdentity";

/** A token as the token endpoint hands it out. */
export type IssuedToken = { token: string; expiresIn: number };

/** Who is calling Graph, read from a verified access token. */
export type GraphCaller =
  | { kind: "app"; appId: string; roles: ReadonlySet<string> }
  | { kind: "user"; appId: string; userId: string; scopes: ReadonlySet<string> };

/** Why a token was refused. */
export type TokenProblem = { reason: "expired" | "invalid"; message: string };

export type Verified<T> = { ok: true; value: T } | ({ ok: false } & TokenProblem);

/** Options for a user token of the kind Teams SSO hands a tab. */
export type UserTokenOptions = {
  /** Default `api://localhost/{clientId}`; the client id itself or any `api://…/{clientId}` also works for OBO. */
  audience?: string;
  /** Default ["access_as_user"]. */
  scopes?: string[];
  /** Default 3600; negative gives an already expired token (for tests). */
  expiresInSeconds?: number;
};

const lifetimeSeconds = 3_599;

/** Issues and verifies every token of the dev tenant, on the tenant's clock. */
export class TokenService {
  constructor(
    private readonly identity: TenantIdentity,
    private readonly key: SigningKey,
    private readonly now: () => Date,
  ) {}

  /** An app-only Graph token with every granted application permission, as client credentials returns. */
  async graphAppToken(): Promise<IssuedToken> {
    const { identity } = this;
    const token = await this.sign(
      {
        aud: graphResource,
        iss: graphIssuer(identity),
        appid: identity.clientId,
        azp: identity.clientId,
        appidacr: "1",
        idtyp: "app",
        oid: identity.servicePrincipalId,
        sub: identity.servicePrincipalId,
        roles: [...appRoles],
        tid: identity.tenantId,
        ver: "1.0",
      },
      lifetimeSeconds,
    );
    return { token, expiresIn: lifetimeSeconds };
  }

  /** A delegated Graph token for a person, as on-behalf-of returns. */
  async graphUserToken(user: CouncilUser, scopes: readonly string[]): Promise<IssuedToken> {
    const { identity } = this;
    const token = await this.sign(
      {
        aud: graphResource,
        iss: graphIssuer(identity),
        appid: identity.clientId,
        azp: identity.clientId,
        appidacr: "1",
        idtyp: "user",
        oid: user.id,
        sub: user.id,
        upn: user.userPrincipalName,
        unique_name: user.userPrincipalName,
        name: user.displayName,
        given_name: user.givenName,
        family_name: user.surname,
        scp: scopes.join(" "),
        tid: identity.tenantId,
        ver: "1.0",
      },
      lifetimeSeconds,
    );
    return { token, expiresIn: lifetimeSeconds };
  }

  /** A v2 token for the app's own API, as Teams SSO (`getAuthToken`) gives a tab. */
  userToken(user: CouncilUser, options: UserTokenOptions = {}): Promise<string> {
    const { identity } = this;
    return this.sign(
      {
        aud: options.audience ?? apiAudience(identity),
        iss: v2Issuer(identity),
        // Teams' own client id: the app that asked for the SSO token.
        azp: "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
        azpacr: "0",
        oid: user.id,
        sub: user.id,
        name: user.displayName,
        preferred_username: user.userPrincipalName,
        scp: (options.scopes ?? ["access_as_user"]).join(" "),
        tid: identity.tenantId,
        ver: "2.0",
      },
      options.expiresInSeconds ?? 3_600,
    );
  }

  /** An ID token for the app, as the authorize endpoint returns with `response_type=id_token`. */
  idToken(user: CouncilUser, nonce?: string): Promise<string> {
    const { identity } = this;
    return this.sign(
      {
        aud: identity.clientId,
        iss: v2Issuer(identity),
        oid: user.id,
        sub: user.id,
        name: user.displayName,
        preferred_username: user.userPrincipalName,
        tid: identity.tenantId,
        ver: "2.0",
        ...(nonce === undefined ? {} : { nonce }),
      },
      3_600,
    );
  }

  /** Checks a bearer token sent to Graph: signed here, for Graph, in date. */
  async verifyGraphToken(token: string): Promise<Verified<GraphCaller>> {
    const checked = await this.verify(token, graphIssuer(this.identity));
    if (!checked.ok) return checked;
    const claims = checked.value;
    if (claims.aud !== graphResource && claims.aud !== graphAppId) {
      return { ok: false, reason: "invalid", message: "Access token validation failure. Invalid audience." };
    }
    const appId = typeof claims.appid === "string" ? claims.appid : "";
    if (claims.idtyp === "app") {
      const roles = Array.isArray(claims.roles) ? claims.roles.filter((r) => typeof r === "string") : [];
      return { ok: true, value: { kind: "app", appId, roles: new Set(roles) } };
    }
    const scopes = typeof claims.scp === "string" ? claims.scp.split(" ") : [];
    return { ok: true, value: { kind: "user", appId, userId: String(claims.oid), scopes: new Set(scopes) } };
  }

  /** Checks the assertion of an on-behalf-of request: a user token issued here for this app. */
  async verifyUserAssertion(token: string): Promise<Verified<{ userId: string }>> {
    const checked = await this.verify(token, v2Issuer(this.identity));
    if (!checked.ok) return checked;
    const { aud, oid } = checked.value;
    if (typeof aud !== "string" || !isAppAudience(this.identity, aud)) {
      return { ok: false, reason: "invalid", message: "The assertion audience does not match this application." };
    }
    if (typeof oid !== "string") return { ok: false, reason: "invalid", message: "The assertion has no oid claim." };
    return { ok: true, value: { userId: oid } };
  }

  private sign(claims: JWTPayload, expiresInSeconds: number): Promise<string> {
    const issuedAt = Math.floor(this.now().getTime() / 1000);
    return new SignJWT({ ...claims, uti: randomUUID().replaceAll("-", "") })
      .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: this.key.kid })
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(issuedAt + expiresInSeconds)
      .sign(this.key.privateKey);
  }

  private async verify(token: string, issuer: string): Promise<Verified<JWTPayload>> {
    try {
      const { payload } = await jwtVerify(token, this.key.publicKey, {
        issuer,
        algorithms: ["RS256"],
        currentDate: this.now(),
      });
      return { ok: true, value: payload };
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        return { ok: false, reason: "expired", message: "Lifetime validation failed, the token is expired." };
      }
      return { ok: false, reason: "invalid", message: "Access token validation failure." };
    }
  }
}
