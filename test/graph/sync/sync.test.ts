import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { syncStatuses } from "../../../core/sync/syncStateRepository";
import { describeOnEachEngine } from "../../support/storeEngines";
import { type SyncHarness, startSyncHarness } from "../../support/syncHarness";

/** Asserts the store holds exactly the council's people, managers, devices and sites. */
async function expectStoreToMatchCouncil(h: SyncHarness) {
  const { council } = h.tenant;
  const users = await h.store.db.selectFrom("directory_user").selectAll().where("removed_at", "is", null).execute();
  expect(users).toHaveLength(council.users.size);
  for (const row of users) {
    const person = council.users.get(row.id);
    expect(person, `user ${row.id}`).toBeDefined();
    expect(row.department).toBe(person?.department);
    expect(row.division).toBe(person?.serviceName);
    expect(row.manager_id).toBe(person?.managerId);
    expect(row.account_enabled).toBe(person?.accountEnabled);
  }
  const devices = await h.store.db.selectFrom("managed_device").selectAll().where("removed_at", "is", null).execute();
  expect(devices).toHaveLength(council.devices.size);
  for (const row of devices) {
    const device = council.devices.get(row.id);
    expect(row.os_version).toBe(device?.osVersion);
    expect(row.hardware_read_at).not.toBeNull();
    expect(row.hardware?.tpmSpecificationVersion ?? "").toBe(device?.hardwareInformation.tpmSpecificationVersion ?? "");
  }
  const sites = await h.store.db.selectFrom("sharepoint_site").selectAll().where("removed_at", "is", null).execute();
  expect(sites).toHaveLength(council.sites.length);
  for (const site of council.sites) {
    const row = sites.find((s) => s.id === site.id);
    expect(row?.quota_used_bytes).toBe(site.drive.quota.used);
    expect(row?.root_child_count).toBe(site.drive.rootChildCount);
  }
}

describeOnEachEngine("syncing from Graph", (engine) => {
  let h: SyncHarness;
  afterEach(() => h?.stop());

  it("copies every person with their manager, every device with its hardware facts, and every site, paging to the last page", async () => {
    h = await startSyncHarness(engine);
    for (const name of ["users", "devices", "sites"] as const) expect((await h.sync(name)).status).toBe("succeeded");
    await expectStoreToMatchCouncil(h);
    const pageRequests = h.tenant.requestLog.entries("graph").filter((e) => e.url.includes("/users/delta"));
    expect(pageRequests.length).toBeGreaterThan(1);
  });

  it("reads only what changed on the next run, and records joiners and leavers", async () => {
    h = await startSyncHarness(engine);
    await h.sync("users");
    const changes = h.tenant.advance(30);
    const outcome = await h.sync("users");
    expect(outcome.status).toBe("succeeded");
    const counts = outcome.status === "succeeded" ? outcome.counts : {};
    expect(counts.upserted).toBeLessThan(h.tenant.council.users.size / 2);
    expect(counts.upserted).toBeGreaterThanOrEqual(changes.joiners.length);
    expect(counts.removed).toBe(changes.leavers.length);
    for (const leaver of changes.leavers) {
      const row = await h.store.db
        .selectFrom("directory_user")
        .select("removed_at")
        .where("id", "=", leaver)
        .executeTakeFirst();
      expect(row?.removed_at).not.toBeNull();
    }
    await h.sync("devices");
    await h.sync("sites");
    await expectStoreToMatchCouncil(h);
    expect(h.tenant.requestLog.entries("graph").some((e) => e.url.includes("deltatoken"))).toBe(true);
  });

  it("stays exact through a storm in which 30% of Graph requests are throttled or fail", async () => {
    h = await startSyncHarness(
      engine,
      {},
      { faults: { throttleRate: 0.2, serverErrorRate: 0.1, retryAfterSeconds: 0, seed: 11 } },
    );
    for (const name of ["users", "devices", "sites"] as const) expect((await h.sync(name)).status).toBe("succeeded");
    await expectStoreToMatchCouncil(h);
    const statuses = h.tenant.requestLog.entries("graph").map((e) => e.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(5);
    expect(statuses.filter((s) => s === 503 || s === 504).length).toBeGreaterThan(2);
  });
});

describe("a sync that fails part-way", () => {
  let h: SyncHarness;
  afterEach(() => h?.stop());

  it("records the error, and the next run resumes from the page where it stopped", async () => {
    h = await startSyncHarness("pglite", { staff: 400, devices: 60 }, { maxAttempts: 1 });
    // Every request after the first page of people fails.
    h.deps.onProgress = (p) => {
      if (p.sync === "users" && p.done > 0) h.tenant.setFaults({ serverErrorRate: 1, seed: 1 });
    };
    const failed = await h.sync("users");
    expect(failed.status).toBe("failed");
    const [state] = (await syncStatuses(h.store.db)).filter((s) => s.name === "users");
    expect(state?.last_error).toMatch(/Graph answered 50[34]/);

    h.deps.onProgress = undefined;
    h.tenant.setFaults({});
    h.tenant.requestLog.clear();
    expect((await h.sync("users")).status).toBe("succeeded");
    const firstGraphRequest = h.tenant.requestLog.entries("graph")[0];
    expect(firstGraphRequest?.url).toMatch(/skiptoken/i);
    const stored = await h.store.db
      .selectFrom("directory_user")
      .select(sql<number>`count(*)`.as("n"))
      .executeTakeFirstOrThrow();
    expect(stored.n).toBe(h.tenant.council.users.size);
  });
});
