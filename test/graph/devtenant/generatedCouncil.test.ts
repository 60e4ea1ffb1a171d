import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityFor, advanceCouncil, generateCouncil } from "../../../graph/devtenant/council";
import { type Harness, startHarness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    council: generateCouncil({ seed: 7, staff: 300, devices: 350 }),
    activityFor,
    advanceCouncil,
  });
});
afterAll(() => h.stop());

type Page = { value: Record<string, unknown>[]; "@odata.nextLink"?: string; "@odata.deltaLink"?: string };

async function all(path: string) {
  const items: Record<string, unknown>[] = [];
  let next: string | undefined = path;
  let last: Page | undefined;
  while (next) {
    last = (await (await h.graph(next.replace(h.tenant.graphBaseUrl, ""))).json()) as Page;
    items.push(...last.value);
    next = last["@odata.nextLink"];
  }
  return { items, deltaLink: last?.["@odata.deltaLink"] ?? "" };
}

describe("the dev tenant serving a generated council", () => {
  it("serves every person, device and licensed user's report row, and a day's changes through delta", async () => {
    const { council } = h.tenant;
    const users = await all("/v1.0/users/delta?$select=displayName,department,accountEnabled");
    expect(users.items).toHaveLength(council.users.size);
    const devices = await all("/v1.0/deviceManagement/managedDevices?$top=100");
    expect(devices.items).toHaveLength(council.devices.size);

    const redirect = await h.graph("/v1.0/reports/getTeamsUserActivityUserDetail(period='D7')");
    const csv = await (await h.fetch(redirect.headers.get("location") ?? "")).text();
    const licensed = [...council.users.values()].filter((u) => u.isLicensed).length;
    expect(csv.trimEnd().split("\r\n")).toHaveLength(licensed + 1);

    const changes = h.tenant.advance(7);
    const delta = await all(users.deltaLink);
    const removed = delta.items.filter((i) => i["@removed"]).map((i) => i.id);
    expect(removed.sort()).toEqual([...changes.leavers].sort());
    const changed = new Set(delta.items.filter((i) => !i["@removed"]).map((i) => i.id));
    for (const id of [...changes.joiners, ...changes.movers]) expect(changed.has(id)).toBe(true);
  });
});
