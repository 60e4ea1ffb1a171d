import { afterEach, describe, expect, it } from "vitest";
import { upsertManagedDevices } from "../../core/devices/deviceRepository";
import { defaultRefreshPolicy } from "../../core/refresh/refreshPolicy";
import { refreshSnapshots } from "../../core/refresh/refreshSnapshot";
import type { Store } from "../../core/store/openStore";
import { refreshSnapshotWorker } from "../../server/refreshSnapshotWorker";
import { aManagedDevice } from "../support/deviceFactories";
import { openMigratedStore } from "../support/storeEngines";

describe("the refresh snapshot worker", () => {
  let store: Store;
  afterEach(() => store?.close());

  it("rebuilds the dashboard's snapshot once a devices sync has finished, before anyone asks", async () => {
    store = await openMigratedStore("pglite");
    const now = () => new Date("2026-11-23T12:00:00Z");
    const snapshot = refreshSnapshots(store.db, defaultRefreshPolicy, now);
    const worker = refreshSnapshotWorker(snapshot);
    const syncFinished = async (at: Date) => {
      await store.db
        .insertInto("sync_state")
        .values({ name: "devices", last_success_at: at })
        .onConflict((oc) => oc.column("name").doUpdateSet({ last_success_at: at }))
        .execute();
    };

    await worker.perform(new AbortController().signal);
    expect((await snapshot()).summary.total).toBe(0);

    const old = aManagedDevice({ deviceName: "LT-OLD", enrolledAt: new Date("2020-01-10T09:00:00Z") });
    await upsertManagedDevices(store.db, [old], 1, now());
    await syncFinished(now());
    await worker.perform(new AbortController().signal);
    // Rows changed behind the snapshot's back (no sync recorded) show whether it was built by the worker, before this.
    await store.db.deleteFrom("managed_device").execute();

    const built = await snapshot();
    expect(built.summary.total).toBe(1);
    expect(built.attention.map((d) => d.device.device_name)).toEqual(["LT-OLD"]);
  });
});
