import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

type DeltaPage = { value: Record<string, unknown>[]; "@odata.nextLink"?: string; "@odata.deltaLink"?: string };

/** Follows nextLinks to the end of a round: every item, and the deltaLink that ends it. */
async function round(start: string) {
  const items: Record<string, unknown>[] = [];
  let url: string | undefined = start;
  let pages = 0;
  let deltaLink = "";
  while (url) {
    const page = (await (await h.graph(url.replace(h.tenant.graphBaseUrl, ""))).json()) as DeltaPage;
    items.push(...page.value);
    pages++;
    url = page["@odata.nextLink"];
    if (!url) deltaLink = page["@odata.deltaLink"] ?? "";
  }
  return { items, pages, deltaLink };
}

describe("GET /users/delta", () => {
  it("syncs every user in a first round, then only what changed, then nothing", async () => {
    const first = await round("/v1.0/users/delta?$select=displayName,jobTitle,department,manager");
    expect(first.items).toHaveLength(30);
    expect(first.deltaLink).toMatch(new RegExp(`^${h.tenant.url}/v1\\.0/users/delta\\?.*\\$deltatoken=`));
    expect(first.items.find((u) => u.jobTitle === "Officer")?.["manager@delta"]).toEqual([
      { "@odata.type": "#microsoft.graph.user", id: expect.any(String) },
    ]);

    const changes = await (await h.fetch(`${h.tenant.url}/_admin/advance?days=1`, { method: "POST" })).json();
    const second = await round(first.deltaLink);
    const changed = second.items.filter((i) => !i["@removed"]).map((i) => i.id);
    const removed = second.items.filter((i) => i["@removed"]);
    expect(changed.sort()).toEqual([...changes.movers, ...changes.joiners].sort());
    expect(removed).toEqual(changes.leavers.map((id: string) => ({ id, "@removed": { reason: "changed" } })));
    expect(second.items.find((i) => i.id === changes.movers[0])).toMatchObject({ jobTitle: "Senior Officer" });

    const third = await round(second.deltaLink);
    expect(third.items).toEqual([]);
    expect(third.deltaLink).not.toBe("");
  });

  it("pages a large round with nextLinks carrying $skiptoken", async () => {
    // Once the fixture runs out of officers to let go, every advance adds a starter.
    while (h.tenant.council.users.size <= 150) h.tenant.advance(1);
    const full = await round("/v1.0/users/delta?$select=id");
    expect(full.pages).toBeGreaterThan(1);
    expect(full.items).toHaveLength(h.tenant.council.users.size);
  });

  it("refuses a malformed delta token with 400 and a token from another tenant with 410", async () => {
    expect((await h.graph("/v1.0/users/delta?$deltatoken=not-a-token")).status).toBe(400);
    const foreign = Buffer.from(JSON.stringify({ t: "another-tenant", v: 1 })).toString("base64url");
    const gone = await h.graph(`/v1.0/users/delta?$deltatoken=${foreign}`);
    expect(gone.status).toBe(410);
    expect(((await gone.json()) as { error: { code: string } }).error.code).toBe("SyncStateNotFound");
  });

  it("gives a deltaLink without data for $deltatoken=latest", async () => {
    const page = (await (await h.graph("/v1.0/users/delta?$deltatoken=latest")).json()) as DeltaPage;
    expect(page.value).toEqual([]);
    const next = await round(page["@odata.deltaLink"] ?? "");
    expect(next.items).toEqual([]);
  });
});
