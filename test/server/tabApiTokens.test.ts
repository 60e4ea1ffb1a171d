import { randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { type TokenClaims, TokenRejected, tokenValidator } from "../../server/tabApi/tokenValidator";

const authority = "https://login.example.test/11111111-1111-4111-a111-111111111111";
const tenantId = "11111111-1111-4111-a111-111111111111";
const clientId = "22222222-2222-4222-a222-222222222222";

type Keys = Awaited<ReturnType<typeof generateKeyPair>>;

/** A tenant of our own making: its metadata and keys served through the validator's fetch. */
describe("tab API token validation", () => {
  let keys: Keys;
  let otherKeys: Keys;
  let fetches: string[];
  let validate: (token: string) => Promise<TokenClaims>;

  beforeAll(async () => {
    keys = await generateKeyPair("RS256");
    otherKeys = await generateKeyPair("RS256");
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
    fetches = [];
    validate = tokenValidator({
      authority,
      tenantId,
      clientId,
      fetch: async (input) => {
        const url = String(input);
        fetches.push(url);
        if (url === `${authority}/v2.0/.well-known/openid-configuration`)
          return Response.json({ jwks_uri: `${authority}/discovery/v2.0/keys`, issuer: `${authority}/v2.0` });
        if (url === `${authority}/discovery/v2.0/keys`) return Response.json({ keys: [jwk] });
        return new Response("not found", { status: 404 });
      },
    });
  });

  const sign = (claims: JWTPayload, options: { key?: Keys; expiresIn?: number } = {}) => {
    const issuedAt = Math.floor(Date.now() / 1000);
    return new SignJWT({
      aud: `api://localhost/${clientId}`,
      iss: `${authority}/v2.0`,
      tid: tenantId,
      oid: randomUUID(),
      name: "Sam Jones",
      preferred_username: "sam.jones@council.example",
      scp: "access_as_user",
      ver: "2.0",
      ...claims,
    })
      .setProtectedHeader({ alg: "RS256", kid: "k1" })
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + (options.expiresIn ?? 3600))
      .sign((options.key ?? keys).privateKey);
  };
  const refusal = async (token: string) => {
    const error = await validate(token).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenRejected);
    return error as TokenRejected;
  };

  it("accepts a Teams SSO token for the app, from either audience form, and reads the person and app roles", async () => {
    const claims = await validate(await sign({ oid: "p-1", roles: ["ICTHub.ICT"] }));
    expect(claims).toEqual({
      oid: "p-1",
      name: "Sam Jones",
      userPrincipalName: "sam.jones@council.example",
      appRoles: ["ICTHub.ICT"],
    });
    expect((await validate(await sign({ aud: clientId }))).appRoles).toEqual([]);
    // Metadata and keys are read once, then kept.
    expect(fetches.filter((u) => u.endsWith("openid-configuration"))).toHaveLength(1);
  });

  it("refuses a token for another app, from another tenant or issuer, without a person, expired or signed by another key", async () => {
    expect((await refusal(await sign({ aud: "api://localhost/someone-else" }))).message).toMatch(/not for this app/);
    expect((await refusal(await sign({ tid: "33333333-3333-4333-a333-333333333333" }))).message).toMatch(
      /another tenant/,
    );
    expect((await refusal(await sign({ iss: "https://login.example.test/other/v2.0" }))).reason).toBe("invalid");
    expect((await refusal(await sign({ scp: undefined, roles: ["ICTHub.ICT"] }))).message).toMatch(/signed-in person/);
    expect((await refusal(await sign({}, { expiresIn: -3600 }))).reason).toBe("expired");
    expect((await refusal(await sign({}, { key: otherKeys }))).reason).toBe("invalid");
    expect((await refusal("not.a.token")).reason).toBe("invalid");
  });
});
