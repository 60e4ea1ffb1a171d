import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { claimJob, finishJob, type JobClaim, releaseSyncLeaseOf, renewJob } from "../../../core/jobs/jobLease";
import type { Store } from "../../../core/store/openStore";
import { describeOnEachEngine, openMigratedStore } from "../../support/storeEngines";

const minute = 60_000;

/** A claim the test expects to have been made. */
function sure(claim: JobClaim | null | undefined): JobClaim {
  if (!claim) throw new Error("expected a claim");
  return claim;
}

describeOnEachEngine("scheduled job leases", (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await openMigratedStore(engine);
  });
  afterAll(() => store.close());

  const claim = (job: string, holder: string, slot: number, leaseMs = minute) =>
    claimJob(store.db, { job, slot, intervalMs: minute, holder, leaseMs });
  const expire = (job: string) =>
    store.db
      .updateTable("job_lease")
      .set({ lease_until: sql<Date>`now() - interval '1 second'` })
      .where("job", "=", job)
      .execute();
  const runsOf = (job: string) =>
    store.db
      .selectFrom("job_run")
      .select(["slot", "holder", "outcome", "took_over_from", "error"])
      .where("job", "=", job)
      .orderBy("id")
      .execute();

  it("gives each due time to one holder, once, and a later one only when the last has finished", async () => {
    const first = await claim("once", "a", 100);
    expect(first).toMatchObject({ job: "once", slot: 100, holder: "a", tookOverFrom: null });
    expect(first?.dueAt).toEqual(new Date(100 * minute));
    expect(await claim("once", "b", 100)).toBeNull();
    expect(await claim("once", "b", 101)).toBeNull();
    expect(await claim("once", "a", 101)).toBeNull();

    expect(await finishJob(store.db, sure(first), "succeeded")).toBe(true);
    expect(await claim("once", "b", 100)).toBeNull();
    expect(await claim("once", "b", 99)).toBeNull();
    const second = await claim("once", "b", 103);
    expect(second).toMatchObject({ slot: 103, holder: "b", tookOverFrom: null });
    expect(await finishJob(store.db, sure(second), "succeeded")).toBe(true);

    expect(await runsOf("once")).toEqual([
      { slot: 100, holder: "a", outcome: "succeeded", took_over_from: null, error: null },
      { slot: 103, holder: "b", outcome: "succeeded", took_over_from: null, error: null },
    ]);
  });

  it("lets exactly one of many holders asking at once have each due time", async () => {
    for (const slot of [7, 8, 9]) {
      const claims = await Promise.all(Array.from({ length: 12 }, (_, i) => claim("race", `holder-${i}`, slot)));
      const winners = claims.filter((c) => c !== null);
      expect(winners).toHaveLength(1);
      expect(await finishJob(store.db, sure(winners[0]), "succeeded")).toBe(true);
    }
    expect((await runsOf("race")).map((r) => r.slot)).toEqual([7, 8, 9]);
  });

  it("lets another holder take over the same due time once a holder stops renewing, and marks the old run abandoned", async () => {
    const dead = await claim("takeover", "dead", 5);
    expect(await renewJob(store.db, sure(dead), minute)).toBe(true);
    expect(await claim("takeover", "alive", 9)).toBeNull();

    await expire("takeover");
    const taken = await claim("takeover", "alive", 9);
    expect(taken).toMatchObject({ slot: 5, holder: "alive", tookOverFrom: "dead" });
    expect(await claim("takeover", "third", 9)).toBeNull();
    // The old holder, if it was only stalled, finds out and cannot finish the run.
    expect(await renewJob(store.db, sure(dead), minute)).toBe(false);
    expect(await finishJob(store.db, sure(dead), "succeeded")).toBe(false);
    expect(await finishJob(store.db, sure(taken), "succeeded")).toBe(true);
    // The due time taken over is done; the current one comes next.
    const next = await claim("takeover", "third", 9);
    expect(next).toMatchObject({ slot: 9, holder: "third", tookOverFrom: null });

    expect(await runsOf("takeover")).toEqual([
      { slot: 5, holder: "dead", outcome: "abandoned", took_over_from: null, error: null },
      { slot: 5, holder: "alive", outcome: "succeeded", took_over_from: "dead", error: null },
      { slot: 9, holder: "third", outcome: "running", took_over_from: null, error: null },
    ]);
  });

  it("keeps a run that is renewed, and lets it go once renewals stop", async () => {
    const leaseMs = 600;
    const held = await claim("renewed", "a", 1, leaseMs);
    for (let i = 0; i < 3; i++) {
      await sleep(leaseMs / 2);
      expect(await renewJob(store.db, sure(held), leaseMs)).toBe(true);
      expect(await claim("renewed", "b", 2, leaseMs)).toBeNull();
    }
    await sleep(leaseMs + 100);
    expect(await claim("renewed", "b", 2, leaseMs)).toMatchObject({ slot: 1, tookOverFrom: "a" });
  });

  it("hands a due time stopped at shutdown to the next holder at once", async () => {
    const stopping = await claim("stopped", "a", 40);
    expect(await finishJob(store.db, sure(stopping), "stopped")).toBe(true);
    const next = await claim("stopped", "b", 40);
    expect(next).toMatchObject({ slot: 40, holder: "b", tookOverFrom: "a" });
    expect(await runsOf("stopped")).toEqual([
      { slot: 40, holder: "a", outcome: "stopped", took_over_from: null, error: null },
      { slot: 40, holder: "b", outcome: "running", took_over_from: "a", error: null },
    ]);
  });

  it("records a failed run and leaves the next due time to try again", async () => {
    const failing = await claim("failing", "a", 3);
    expect(await finishJob(store.db, sure(failing), "failed", "Graph answered 503")).toBe(true);
    expect(await claim("failing", "b", 3)).toBeNull();
    expect(await claim("failing", "b", 4)).toMatchObject({ slot: 4 });
    expect((await runsOf("failing"))[0]).toMatchObject({ outcome: "failed", error: "Graph answered 503" });
  });

  it("compares due times as times, so a job whose interval grows waits at most one new interval", async () => {
    const quarter = 15 * minute;
    const at = Date.UTC(2026, 10, 23, 21, 7, 30);
    const short = sure(
      await claimJob(store.db, { job: "regrown", slot: at / 2_000, intervalMs: 2_000, holder: "a", leaseMs: minute }),
    );
    await finishJob(store.db, short, "succeeded");
    const sameQuarter = Math.floor(at / quarter);
    const long = { job: "regrown", intervalMs: quarter, holder: "b", leaseMs: minute };
    expect(await claimJob(store.db, { ...long, slot: sameQuarter })).toBeNull();
    expect(await claimJob(store.db, { ...long, slot: sameQuarter + 1 })).toMatchObject({
      dueAt: new Date(Date.UTC(2026, 10, 23, 21, 15)),
    });
  });

  it("frees a sync's own lease held by the instance a job was taken over from, and no other", async () => {
    await store.db
      .insertInto("sync_state")
      .values([
        { name: "users", lease_holder: "dead", lease_until: new Date(Date.now() + minute) },
        { name: "devices", lease_holder: "alive", lease_until: new Date(Date.now() + minute) },
      ])
      .execute();
    await releaseSyncLeaseOf(store.db, "users", "dead");
    await releaseSyncLeaseOf(store.db, "devices", "dead");
    const leases = await store.db.selectFrom("sync_state").select(["name", "lease_holder"]).orderBy("name").execute();
    expect(leases).toEqual([
      { name: "devices", lease_holder: "alive" },
      { name: "users", lease_holder: null },
    ]);
  });
});
