import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/harness";
import { userIdOf } from "./support/smallCouncil";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const appId = "8e55a7b1-6766-4f0a-8610-ecacfe3d569a";

describe("Teams apps installed for a user", () => {
  it("installs the app once (201), refuses a second install (409) and then lists it", async () => {
    const priya = userIdOf(h.tenant.council, "priya.shah@llanfair.gov.uk");
    const install = () =>
      h.graph(`/v1.0/users/${priya}/teamwork/installedApps`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          "teamsApp@odata.bind": `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${appId}`,
        }),
      });
    const filter = `$expand=teamsAppDefinition&$filter=${encodeURIComponent(`teamsApp/id eq '${appId}'`)}`;
    const before = (await (await h.graph(`/v1.0/users/${priya}/teamwork/installedApps?${filter}`)).json()) as {
      value: unknown[];
    };
    expect(before.value).toEqual([]);
    expect((await install()).status).toBe(201);
    const again = await install();
    expect(again.status).toBe(409);
    const after = (await (await h.graph(`/v1.0/users/${priya}/teamwork/installedApps?${filter}`)).json()) as {
      value: { teamsAppDefinition: { teamsAppId: string } }[];
    };
    expect(after.value.map((a) => a.teamsAppDefinition.teamsAppId)).toEqual([appId]);
  });

  it("refuses an install body without the teamsApp binding", async () => {
    const response = await h.graph(
      `/v1.0/users/${userIdOf(h.tenant.council, "tom.evans@llanfair.gov.uk")}/teamwork/installedApps`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      },
    );
    expect(response.status).toBe(400);
  });
});
