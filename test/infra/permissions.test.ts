import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { graphRoutes as devTenantRoutes } from "../../graph/devtenant/graphApi/routes";
import { appRoles as devTenantGrant } from "../../graph/devtenant/identity/tenantIdentity";
import {
  graphAppRoleIds,
  graphRouteUses,
  microsoftGraphAppId,
  requiredGraphAppRoles,
} from "../../graph/graphPermissions";
import { ictAppRole } from "../../server/tabApi/tabAuth";
import { projectRoot, readProjectFile } from "./bicepText";

type AadManifest = {
  accessTokenAcceptedVersion: number;
  signInAudience: string;
  identifierUris: string[];
  oauth2Permissions: { id: string; value: string; type: string; isEnabled: boolean }[];
  preAuthorizedApplications: { appId: string; permissionIds: string[] }[];
  appRoles: { id: string; value: string; allowedMemberTypes: string[]; isEnabled: boolean }[];
  requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
};
const aad = JSON.parse(readProjectFile("aad.manifest.json")) as AadManifest;

/** Teams desktop and mobile, and Teams on the web: the clients that ask for SSO tokens. */
const teamsClients = ["1fec8e78-bce4-4aaf-ab1b-5451cc387264", "5e3ce6c0-2b1f-4285-8d4b-75ee78787346"];

const sourceFiles = (folder: string) =>
  (readdirSync(join(projectRoot, folder), { recursive: true }) as string[])
    .filter((f) => f.endsWith(".ts") || f.endsWith(".tsx"))
    .map((f) => join(folder, f));

/** `/users/${id}/manager?$select=id` → a pattern for the table's `/users/{id}/manager`. */
function pathPattern(codePath: string): RegExp {
  const bare = (codePath.split("?")[0] as string).replace(/\$\{[^}]+\}/g, "\u0000");
  const escaped = bare.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replaceAll("\u0000", "[^/]+");
  return new RegExp(`^${escaped}$`);
}
const tableRoute = (route: string) => route.replace(/\{\w+\}/g, "x");

describe("graph/graphPermissions.ts: the table of Graph routes", () => {
  it("has a row for every Graph path in graph/api/*.ts", () => {
    const literals = sourceFiles("graph/api").flatMap((file) =>
      [...readProjectFile(file).matchAll(/(["'`])(\/[A-Za-z$][^"'`]*)\1/g)].map((m) => ({
        file,
        path: m[2] as string,
      })),
    );
    expect(literals.length).toBeGreaterThanOrEqual(9);
    const missing = literals.filter(
      ({ path }) => !graphRouteUses.some((use) => pathPattern(path).test(tableRoute(use.route))),
    );
    expect(missing).toEqual([]);
  });

  it("knows every place the app calls Graph: only graph/api and graph/client call client.api()", () => {
    const callers = ["server", "bot", "core", "scripts", "graph"]
      .flatMap(sourceFiles)
      .filter((f) => !/^graph\/(api|client|devtenant)\//.test(f))
      .filter((f) => /\.api\(/.test(readProjectFile(f)));
    expect(callers).toEqual([]);
  });

  it("names, for each route, a permission the dev tenant also requires there (its routes mirror Graph's reference)", () => {
    const served = devTenantRoutes({ downloads: undefined as never, throttle: undefined as never });
    for (const use of graphRouteUses) {
      const path = decodeURIComponent(use.example.split("?")[0] as string);
      const route = served.find((r) => r.method === use.method && r.pattern.test(path));
      expect(route, `${use.method} ${use.example}`).toBeDefined();
      expect(route?.permission.app, `${use.method} ${use.route}`).toContain(use.permission);
    }
  });

  it("has Graph's id for each permission, each id once", () => {
    const ids = Object.values(graphAppRoleIds);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(graphAppRoleIds).sort()).toEqual([...requiredGraphAppRoles].sort());
  });
});

describe("aad.manifest.json", () => {
  it("asks for exactly the table's application permissions on Microsoft Graph, and nothing more", () => {
    expect(aad.requiredResourceAccess.map((r) => r.resourceAppId)).toEqual([microsoftGraphAppId]);
    const access = aad.requiredResourceAccess[0]?.resourceAccess ?? [];
    // No delegated (Scope) permissions: the app never calls Graph as the signed-in person.
    expect(access.filter((a) => a.type !== "Role")).toEqual([]);
    const byId = new Map(Object.entries(graphAppRoleIds).map(([name, id]) => [id as string, name]));
    const asked = access.map((a) => byId.get(a.id) ?? `unknown permission ${a.id}`);
    expect(asked.sort()).toEqual([...requiredGraphAppRoles].sort());
  });

  it("registers single sign-on for the Teams clients: api://{domain}/{clientId} and access_as_user", () => {
    expect(aad.signInAudience).toBe("AzureADMyOrg");
    // server/tabApi/tokenValidator.ts accepts v2 tokens only.
    expect(aad.accessTokenAcceptedVersion).toBe(2);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Bicep's and the toolkit's own placeholder syntax
    expect(aad.identifierUris).toEqual(["api://${{APP_DOMAIN}}/${{AAD_APP_CLIENT_ID}}"]);
    const scope = aad.oauth2Permissions.find((p) => p.value === "access_as_user");
    expect(scope?.isEnabled).toBe(true);
    expect(scope?.type).toBe("User");
    expect(aad.preAuthorizedApplications.map((a) => a.appId).sort()).toEqual([...teamsClients].sort());
    for (const client of aad.preAuthorizedApplications) expect(client.permissionIds).toEqual([scope?.id]);
  });

  it("defines the app role the tab API reads for ICT staff", () => {
    const role = aad.appRoles.find((r) => r.value === ictAppRole);
    expect(role?.isEnabled).toBe(true);
    expect(role?.allowedMemberTypes).toEqual(["User"]);
    expect(new Set(aad.appRoles.map((r) => r.id)).size).toBe(aad.appRoles.length);
  });
});

describe("the dev tenant", () => {
  it("grants the app exactly the permissions a council's admin consents to", () => {
    expect([...devTenantGrant].sort()).toEqual([...requiredGraphAppRoles].sort());
  });

  it("is right to ask no delegated permission: nothing in the app gets a Graph token on a person's behalf", () => {
    // The dev tenant answers on-behalf-of requests (its defaultDelegatedScopes) for its own
    // tests; the app only validates Teams' SSO tokens for itself and calls Graph app-only.
    const onBehalfOf = ["server", "bot", "core", "graph", "tabs/src", "scripts"]
      .flatMap(sourceFiles)
      .filter((f) => !f.startsWith("graph/devtenant/"))
      .filter((f) => /acquireTokenOnBehalfOf|on_behalf_of|jwt-bearer/.test(readProjectFile(f)));
    expect(onBehalfOf).toEqual([]);
  });
});

describe("docs/deployment.md", () => {
  it("lists each Graph permission, and only those, in its Permissions section", () => {
    const doc = readFileSync(join(projectRoot, "docs/deployment.md"), "utf8");
    const start = doc.indexOf("\n## Permissions\n");
    expect(start, "docs/deployment.md has no '## Permissions' section").toBeGreaterThan(-1);
    const end = doc.indexOf("\n## ", start + 1);
    const section = doc.slice(start, end === -1 ? undefined : end);
    const listed = [...section.matchAll(/^\| `([\w.]+)` \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...requiredGraphAppRoles].sort());
  });
});
