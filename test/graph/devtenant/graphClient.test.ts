import { Client, ResponseType } from "@microsoft/microsoft-graph-client";
import type { User } from "@microsoft/microsoft-graph-types";
import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/harness";

let h: Harness;
let dispatcher: Agent;
beforeAll(async () => {
  h = await startHarness();
  dispatcher = new Agent({ connect: { ca: h.tenant.caCertPem } });
});
afterAll(async () => {
  await h.stop();
  await dispatcher.close();
});

/** The Graph SDK pointed at the dev tenant: Node 20's global fetch takes undici's `dispatcher` from fetchOptions. */
function graphClient(options: { customHosts?: Set<string> } = {}) {
  return Client.init({
    authProvider: (done) => {
      h.appToken().then(
        (token) => done(null, token),
        (error: unknown) => done(error, null),
      );
    },
    baseUrl: `${h.tenant.graphBaseUrl}/`,
    fetchOptions: { dispatcher } as RequestInit,
    ...options,
  });
}

describe("the Graph SDK against the dev tenant", () => {
  it("reads /users page by page to the last page", async () => {
    const client = graphClient({ customHosts: new Set(["localhost"]) });
    const seen: User[] = [];
    let page = (await client.api("/users").select("id,displayName,department").top(7).get()) as {
      value: User[];
      "@odata.nextLink"?: string;
    };
    seen.push(...page.value);
    let pages = 1;
    while (page["@odata.nextLink"]) {
      page = await client.api(page["@odata.nextLink"]).get();
      seen.push(...page.value);
      pages++;
    }
    expect(pages).toBe(Math.ceil(h.tenant.council.users.size / 7));
    expect(new Set(seen.map((u) => u.id)).size).toBe(h.tenant.council.users.size);
    expect(seen.every((u) => typeof u.department === "string")).toBe(true);
  });

  it("answers 401 when the SDK sends no token because the host is not among its customHosts", async () => {
    const client = graphClient();
    await expect(client.api("/users").get()).rejects.toMatchObject({
      statusCode: 401,
      code: "InvalidAuthenticationToken",
    });
  });

  it("follows a report's 302 to the CSV", async () => {
    const client = graphClient({ customHosts: new Set(["localhost"]) });
    const csv = (await client
      .api("/reports/getEmailActivityUserDetail(period='D7')")
      .responseType(ResponseType.TEXT)
      .get()) as string;
    expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(
      /^Report Refresh Date,User Principal Name,Display Name,/,
    );
  });
});
