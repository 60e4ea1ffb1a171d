import type { ManagedDevice as GraphManagedDevice } from "@microsoft/microsoft-graph-types";
import {
  devicesNeedingHardware,
  markDevicesNotSeen,
  saveDeviceHardware,
  upsertManagedDevices,
} from "../../core/devices/deviceRepository";
import { deviceHardwarePath, managedDevicesUrl, toDeviceHardware, toManagedDevice } from "../api/devices";
import { pages } from "../client/pages";
import { pipelinedBatches } from "../client/pipelinedBatches";
import type { SyncJob } from "./syncContext";
import { batchOptions } from "./syncContext";

const hardwareChunk = 5_000;

/**
 * Intune's devices: the whole list each run (Intune has no delta for devices),
 * removing those no longer listed, then hardware facts for devices that are
 * new or changed, paced under Intune's request limit.
 */
export const devicesSync: SyncJob = {
  name: "devices",
  leaseMs: 15 * 60_000,
  async run(run) {
    const counts = { upserted: 0, removed: 0, hardwareRead: 0 };
    const start = run.claimed.resumeLink ?? managedDevicesUrl;
    for await (const page of pages<GraphManagedDevice>(run.client, start)) {
      await upsertManagedDevices(run.db, page.items.map(toManagedDevice), run.claimed.run, new Date());
      counts.upserted += page.items.length;
      if (page.nextLink) await run.saveProgress(page.nextLink);
      run.progress("devices", counts.upserted);
    }
    counts.removed = await markDevicesNotSeen(run.db, run.claimed.run, new Date());
    // The list is complete: a failure from here on re-reads hardware only.
    await run.saveProgress(null);

    const ids = await devicesNeedingHardware(run.db);
    await pipelinedBatches(
      run.client,
      ids,
      deviceHardwarePath,
      hardwareChunk,
      async (chunk, results) => {
        const facts = chunk.map((id) => {
          const result = results.get(deviceHardwarePath(id));
          if (result && result.status !== 200 && result.status !== 404) {
            throw new Error(`Reading the hardware of device ${id} failed with status ${result.status}`);
          }
          const body = result?.status === 200 ? (result.body as { hardwareInformation?: never }) : undefined;
          return { deviceId: id, hardware: toDeviceHardware(body?.hardwareInformation) };
        });
        await saveDeviceHardware(run.db, facts, new Date());
        counts.hardwareRead += chunk.length;
        run.progress("hardware", counts.hardwareRead);
      },
      { ...batchOptions(run), version: "beta", beforeChunk: (n) => run.intunePacer.take(n, run.signal) },
    );
    return { counts };
  },
};
