import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import pino from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Store } from "../../core/store/openStore";
import { type LeaseDeps, leased, leasePollMs } from "../../server/leasedWorker";
import type { Worker } from "../../server/workers";
import { describeOnEachEngine, openMigratedStore } from "../support/storeEngines";

const log = pino({ level: "silent" });
const second = 1_000;

describeOnEachEngine("a leased worker", (engine) => {
  let store: Store;
  let clock = 0;
  beforeAll(async () => {
    store = await openMigratedStore(engine);
  });
  afterAll(() => store.close());

  /** Two instances' view of the same job: the same worker under two holders. */
  const onTwoInstances = (worker: Worker, leaseMs = 30 * second, onTakeOver?: (from: string) => Promise<void>) => {
    const deps = (holder: string): LeaseDeps => ({
      db: store.db,
      log,
      holder,
      leaseMs,
      now: () => clock,
      jitter: false,
    });
    return [leased(worker, deps("a"), { onTakeOver }), leased(worker, deps("b"), { onTakeOver })] as const;
  };
  const runsOf = (job: string) =>
    store.db
      .selectFrom("job_run")
      .select(["slot", "holder", "outcome", "took_over_from"])
      .where("job", "=", job)
      .orderBy("id")
      .execute();
  const never = new AbortController().signal;

  it("runs once per due time however many instances ask, and asks every few seconds", async () => {
    let runs = 0;
    const [a, b] = onTwoInstances({
      name: "counted",
      intervalMs: 60 * second,
      async perform() {
        runs++;
        await sleep(20);
      },
    });
    expect(a.intervalMs).toBe(5 * second);
    clock = 10 * 60 * second + 1;
    await Promise.all([a.perform(never), b.perform(never), a.perform(never), b.perform(never)]);
    await Promise.all([a.perform(never), b.perform(never)]);
    expect(runs).toBe(1);
    clock += 60 * second;
    await Promise.all([b.perform(never), a.perform(never)]);
    expect(runs).toBe(2);
    const recorded = await runsOf("counted");
    expect(recorded.map((r) => [r.slot, r.outcome])).toEqual([
      [10, "succeeded"],
      [11, "succeeded"],
    ]);
  });

  it("takes its interval from TEST_JOB_INTERVAL_SECONDS when set, and asks more often for a short lease", () => {
    const worker: Worker = { name: "x", intervalMs: 15 * 60 * second, perform: async () => {} };
    const deps: LeaseDeps = { db: store.db, log, holder: "a", leaseMs: 60 * second };
    expect(leased(worker, deps).intervalMs).toBe(5 * second);
    expect(leased(worker, { ...deps, intervalMs: 2 * second }).intervalMs).toBe(250);
    expect(leasePollMs(60 * second, 3 * second)).toBe(second);
  });

  it("renews its lease while a run lasts longer than the lease, so no other instance starts it", async () => {
    let runs = 0;
    const leaseMs = 400;
    const [a, b] = onTwoInstances(
      {
        name: "long",
        intervalMs: 60 * second,
        async perform() {
          runs++;
          await sleep(4 * leaseMs);
        },
      },
      leaseMs,
    );
    const first = a.perform(never);
    for (let i = 0; i < 6; i++) {
      await sleep(leaseMs / 2);
      await b.perform(never);
    }
    await first;
    expect(runs).toBe(1);
    expect(await runsOf("long")).toEqual([
      { slot: Math.floor(clock / (60 * second)), holder: "a", outcome: "succeeded", took_over_from: null },
    ]);
  });

  it("lets another instance take over a run whose holder stopped renewing, and stops the old run when it finds out", async () => {
    // Renewed every second: time enough to expire it by hand and take it over before the next renewal.
    const leaseMs = 3 * second;
    const takenOverFrom: string[] = [];
    let oldRunAborted = false;
    let release: () => void = () => {};
    const stalled = new Promise<void>((resolve) => {
      release = resolve;
    });
    let runs = 0;
    const [a, b] = onTwoInstances(
      {
        name: "stalled",
        intervalMs: 60 * second,
        async perform(signal) {
          runs++;
          if (runs > 1) return;
          signal.addEventListener("abort", () => {
            oldRunAborted = true;
          });
          await stalled;
        },
      },
      leaseMs,
      async (from) => {
        takenOverFrom.push(from);
      },
    );
    const first = a.perform(never);
    await sleep(50);
    // As if the holder had frozen for longer than its lease: the lease has run out.
    await store.db
      .updateTable("job_lease")
      .set({ lease_until: sql<Date>`now() - interval '1 second'` })
      .where("job", "=", "stalled")
      .execute();
    await b.perform(never);
    expect(runs).toBe(2);
    expect(takenOverFrom).toEqual(["a"]);
    // The old holder's next renewal finds the lease gone and aborts its run.
    await sleep(leaseMs / 2);
    expect(oldRunAborted).toBe(true);
    release();
    await first;
    const recorded = await runsOf("stalled");
    expect(recorded.map((r) => [r.holder, r.outcome, r.took_over_from])).toEqual([
      ["a", "abandoned", null],
      ["b", "succeeded", "a"],
    ]);
  });

  it("hands the due time back when the app shuts down mid-run, for another instance to finish at once", async () => {
    const shutdown = new AbortController();
    let runs = 0;
    const [a, b] = onTwoInstances({
      name: "shutdown",
      intervalMs: 60 * second,
      async perform(signal) {
        runs++;
        if (runs === 1) await new Promise((resolve) => signal.addEventListener("abort", resolve));
      },
    });
    const first = a.perform(shutdown.signal);
    await sleep(50);
    shutdown.abort();
    await first;
    await b.perform(never);
    expect(runs).toBe(2);
    expect((await runsOf("shutdown")).map((r) => [r.holder, r.outcome, r.took_over_from])).toEqual([
      ["a", "stopped", null],
      ["b", "succeeded", "a"],
    ]);
  });

  it("records a failed run, passes the error on to be logged, and tries again at the next due time", async () => {
    let runs = 0;
    const [a, b] = onTwoInstances({
      name: "failing",
      intervalMs: 60 * second,
      async perform() {
        runs++;
        if (runs === 1) throw new Error("the store went away");
      },
    });
    await expect(a.perform(never)).rejects.toThrow("the store went away");
    await b.perform(never);
    expect(runs).toBe(1);
    clock += 60 * second;
    await b.perform(never);
    expect(runs).toBe(2);
    const recorded = await store.db
      .selectFrom("job_run")
      .select(["outcome", "error"])
      .where("job", "=", "failing")
      .orderBy("id")
      .execute();
    expect(recorded).toEqual([
      { outcome: "failed", error: "the store went away" },
      { outcome: "succeeded", error: null },
    ]);
  });
});
