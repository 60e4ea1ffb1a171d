import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const get = async (path: string) =>
  (await (await h.graph(path)).json()) as Record<string, unknown> & { value: Record<string, unknown>[] };

describe("SharePoint sites and their libraries", () => {
  it("lists every site for search=*", async () => {
    const sites = await get("/v1.0/sites?search=*");
    expect(sites.value.map((s) => s.name)).toEqual(
      expect.arrayContaining(["WasteAndRecycling", "RevenuesAndBenefits", "ICT"]),
    );
  });

  it("finds a site by host and path, and the same site by id", async () => {
    const byPath = await get("/v1.0/sites/llanfair.sharepoint.com:/sites/WasteAndRecycling");
    expect(byPath.id).toMatch(/^llanfair\.sharepoint\.com,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    const byId = await get(`/v1.0/sites/${byPath.id}`);
    expect(byId).toMatchObject({
      name: "WasteAndRecycling",
      webUrl: "https://llanfair.sharepoint.com/sites/WasteAndRecycling",
    });
    expect((await h.graph("/v1.0/sites/llanfair.sharepoint.com:/sites/NoSuchSite")).status).toBe(404);
  });

  it("gives each library's quota, and its root folder's direct child count and size", async () => {
    const site = await get("/v1.0/sites/llanfair.sharepoint.com:/sites/ICT");
    const drives = await get(`/v1.0/sites/${site.id}/drives`);
    const drive = drives.value[0] as { id: string; quota: Record<string, unknown> };
    expect(drive.quota).toMatchObject({ used: 15_000_000_000, state: "normal" });
    const root = await get(`/v1.0/drives/${drive.id}/root`);
    expect(root).toMatchObject({ name: "root", folder: { childCount: 14 }, size: 15_000_000_000 });
  });
});
