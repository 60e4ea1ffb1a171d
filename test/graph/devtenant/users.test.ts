import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/harness";
import { userIdOf } from "./support/smallCouncil";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

type Page = { value: Record<string, unknown>[]; "@odata.nextLink"?: string; "@odata.context": string };
const json = async (response: Response) => (await response.json()) as Page;

describe("GET /users", () => {
  it("returns only the $select-ed properties, plus id", async () => {
    const page = await json(await h.graph("/v1.0/users?$select=displayName,department,employeeOrgData&$top=3"));
    expect(page["@odata.context"]).toBe(`${h.tenant.url}/v1.0/$metadata#users(displayName,department,employeeOrgData)`);
    for (const user of page.value) {
      expect(Object.keys(user).sort()).toEqual(["department", "displayName", "employeeOrgData", "id"]);
      expect(user.employeeOrgData).toEqual({ division: expect.any(String), costCenter: null });
    }
  });

  it("returns Graph's default properties without $select: no department, no accountEnabled", async () => {
    const page = await json(await h.graph("/v1.0/users?$top=1"));
    const user = page.value[0] ?? {};
    expect(user).toHaveProperty("userPrincipalName");
    expect(user).not.toHaveProperty("department");
    expect(user).not.toHaveProperty("accountEnabled");
  });

  it("pages by $top with an absolute nextLink carrying an opaque $skiptoken", async () => {
    const ids: unknown[] = [];
    let next: string | undefined = "/v1.0/users?$top=8&$select=id";
    let pages = 0;
    while (next) {
      const page = await json(await h.graph(next.replace(h.tenant.graphBaseUrl, "")));
      expect(page.value.length).toBeLessThanOrEqual(8);
      ids.push(...page.value.map((u) => u.id));
      next = page["@odata.nextLink"];
      if (next) expect(next).toMatch(new RegExp(`^${h.tenant.url}/v1\\.0/users\\?.*\\$skiptoken=`));
      pages++;
    }
    expect(pages).toBe(4);
    expect(new Set(ids).size).toBe(30);
  });

  it("refuses $top above 999, as Graph does", async () => {
    expect((await h.graph("/v1.0/users?$top=1000")).status).toBe(400);
  });

  it("filters by department, by accountEnabled and by both", async () => {
    const waste = await json(await h.graph("/v1.0/users?$filter=department eq 'Place and Economy'&$select=department"));
    expect(waste.value.length).toBeGreaterThan(0);
    expect(waste.value.every((u) => u.department === "Place and Economy")).toBe(true);
    const disabled = await json(await h.graph("/v1.0/users?$filter=accountEnabled eq false&$select=accountEnabled"));
    expect(disabled.value).toHaveLength(1);
    const both = await json(
      await h.graph(
        `/v1.0/users?$filter=${encodeURIComponent("department eq 'Resources' and accountEnabled eq true")}&$select=department`,
      ),
    );
    expect(both.value.every((u) => u.department === "Resources")).toBe(true);
  });

  it("refuses a filter it does not support with Request_UnsupportedQuery", async () => {
    const response = await h.graph("/v1.0/users?$filter=startswith(displayName,'P')");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; innerError: Record<string, string> } };
    expect(body.error.code).toBe("Request_UnsupportedQuery");
    expect(body.error.innerError["request-id"]).toBe(response.headers.get("request-id"));
  });

  it("refuses query options it does not implement, rather than ignoring them", async () => {
    const response = await h.graph("/v1.0/users?$orderby=displayName");
    expect(response.status).toBe(400);
  });
});

describe("one user, their manager and their reports", () => {
  it("finds a user by id or by UPN, and expands the manager", async () => {
    const priya = userIdOf(h.tenant.council, "priya.shah@llanfair.gov.uk");
    const byUpn = (await (await h.graph("/v1.0/users/Priya.Shah@llanfair.gov.uk?$select=id")).json()) as { id: string };
    expect(byUpn.id).toBe(priya);
    const expanded = (await (
      await h.graph(`/v1.0/users/${priya}?$select=displayName&$expand=manager($select=id,displayName)`)
    ).json()) as {
      manager: { id: string; displayName: string };
    };
    expect(expanded.manager.displayName).toBe("Carys Edwards");
  });

  it("answers 404 Request_ResourceNotFound for the chief executive's manager and for an unknown user", async () => {
    const chief = userIdOf(h.tenant.council, "eleri.morgan@llanfair.gov.uk");
    const none = await h.graph(`/v1.0/users/${chief}/manager`);
    expect(none.status).toBe(404);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe("Request_ResourceNotFound");
    expect((await h.graph("/v1.0/users/nobody@llanfair.gov.uk")).status).toBe(404);
  });

  it("lists a manager's direct reports as directory objects", async () => {
    const carys = userIdOf(h.tenant.council, "carys.edwards@llanfair.gov.uk");
    const reports = await json(await h.graph(`/v1.0/users/${carys}/directReports?$select=displayName`));
    expect(reports.value.map((u) => u.displayName)).toEqual(
      expect.arrayContaining(["Priya Shah", "Tom Evans", "Siân Jones", "Aled Hughes"]),
    );
    expect(reports.value.every((u) => u["@odata.type"] === "#microsoft.graph.user")).toBe(true);
  });

  it("answers /me with 400 for an app-only token", async () => {
    expect((await h.graph("/v1.0/me")).status).toBe(400);
  });
});

describe("authentication and permissions", () => {
  it("refuses a request with no token, and one with a token from elsewhere, with 401", async () => {
    const none = await h.fetch(`${h.tenant.graphBaseUrl}/v1.0/users`);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({
      error: { code: "InvalidAuthenticationToken", message: "Access token is empty." },
    });
    expect(none.headers.get("request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const forged = await h.graph("/v1.0/users", {
      token: "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20ifQ.c2lnbmF0dXJl",
    });
    expect(forged.status).toBe(401);
  });

  it("refuses a token for the app's own API (not for Graph) with 401", async () => {
    const tabToken = await h.tenant.issueUserToken(userIdOf(h.tenant.council, "priya.shah@llanfair.gov.uk"));
    expect((await h.graph("/v1.0/users", { token: tabToken })).status).toBe(401);
  });

  it("echoes the caller's client-request-id", async () => {
    const response = await h.graph("/v1.0/users?$top=1", { headers: { "client-request-id": "trace-42" } });
    expect(response.headers.get("client-request-id")).toBe("trace-42");
  });
});
