import {
  markDirectoryUsersRemoved,
  saveManagers,
  upsertDirectoryUsers,
  usersNeedingManager,
} from "../../core/directory/directoryRepository";
import { resetDelta } from "../../core/sync/syncStateRepository";
import { isRemoval, managerPath, toDirectoryUserPatch, type UserDeltaItem, usersDeltaUrl } from "../api/users";
import { pages } from "../client/pages";
import { pipelinedBatches } from "../client/pipelinedBatches";
import { isExpiredLink } from "./runSync";
import type { SyncJob, SyncRun } from "./syncContext";
import { batchOptions } from "./syncContext";

/**
 * People, through Graph's delta query: everyone on the first run, then only
 * who changed or left. Managers are read for new and changed people only.
 */
export const usersSync: SyncJob = {
  name: "users",
  leaseMs: 10 * 60_000,
  async run(run) {
    const counts = { upserted: 0, removed: 0, managersRead: 0 };
    const start = run.claimed.resumeLink ?? run.claimed.deltaLink ?? usersDeltaUrl;
    let deltaLink: string | null;
    try {
      deltaLink = await walkDelta(run, start, counts);
    } catch (error) {
      if (start === usersDeltaUrl || !isExpiredLink(error)) throw error;
      run.log.warn("Graph no longer accepts the saved delta link: reading every user again");
      await resetDelta(run.db, "users");
      deltaLink = await walkDelta(run, usersDeltaUrl, counts);
    }

    const ids = await usersNeedingManager(run.db);
    await pipelinedBatches(
      run.client,
      ids,
      managerPath,
      5_000,
      async (chunk, results) => {
        const managers = chunk.map((id) => {
          const result = results.get(managerPath(id));
          if (result && result.status !== 200 && result.status !== 404) {
            throw new Error(`Reading the manager of ${id} failed with status ${result.status}`);
          }
          return {
            userId: id,
            managerId: result?.status === 200 ? ((result.body as { id?: string }).id ?? null) : null,
          };
        });
        await saveManagers(run.db, managers, new Date());
        counts.managersRead += chunk.length;
        run.progress("managers", counts.managersRead);
      },
      batchOptions(run),
    );
    return { counts, deltaLink };
  },
};

async function walkDelta(
  run: SyncRun,
  start: string,
  counts: { upserted: number; removed: number },
): Promise<string | null> {
  let deltaLink: string | null = null;
  for await (const page of pages<UserDeltaItem>(run.client, start)) {
    const at = new Date();
    const removed = page.items.filter(isRemoval).map((item) => item.id as string);
    const present = page.items.filter((item) => !isRemoval(item)).map(toDirectoryUserPatch);
    await run.db.transaction().execute(async (trx) => {
      await upsertDirectoryUsers(trx, present, at);
      counts.removed += await markDirectoryUsersRemoved(trx, removed, at);
    });
    counts.upserted += present.length;
    if (page.nextLink) await run.saveProgress(page.nextLink);
    if (page.deltaLink) deltaLink = page.deltaLink;
    run.progress("people", counts.upserted);
  }
  return deltaLink;
}
