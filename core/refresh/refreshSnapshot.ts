import type { Db } from "../store/database";
import { type ClassifiedDevice, classifiedDevices } from "./classifiedDevices";
import type { RefreshPolicy } from "./refreshPolicy";
import { type RefreshSummary, summariseDevices } from "./refreshQueries";

/** The refresh dashboard's figures and the devices that need something, as of one sync. */
export type RefreshSnapshot = {
  summary: RefreshSummary;
  /** Every present device not current (due, overdue, upgrade, must replace, stale, lost, unknown), in id order. */
  attention: readonly ClassifiedDevice[];
  /** When Intune's devices were last synced; null before the first sync. */
  syncedAt: Date | null;
};

/** The syncs whose data the snapshot reads: devices, and people for owners and directorates. */
const sources = ["devices", "users"];

/**
 * Classifying every device takes seconds at 50,000 of them, and the answer
 * only changes when a sync writes or a day passes (ages and silences are
 * counted in days), so the dashboard reads a snapshot kept per process and
 * rebuilt when either happens. Concurrent callers share one build.
 */
export function refreshSnapshots(db: Db, policy: RefreshPolicy, now: () => Date): () => Promise<RefreshSnapshot> {
  let cached: { key: string; snapshot: Promise<RefreshSnapshot> } | undefined;
  return async () => {
    const syncs = await db
      .selectFrom("sync_state")
      .select(["name", "last_success_at", "last_error_at"])
      .where("name", "in", sources)
      .orderBy("name")
      .execute();
    const at = now();
    const key = JSON.stringify([
      at.toISOString().slice(0, 10),
      syncs.map((s) => [s.name, s.last_success_at?.getTime(), s.last_error_at?.getTime()]),
    ]);
    if (cached?.key === key) return cached.snapshot;
    const syncedAt = syncs.find((s) => s.name === "devices")?.last_success_at ?? null;
    const snapshot = build(db, policy, at, syncedAt);
    cached = { key, snapshot };
    snapshot.catch(() => {
      if (cached?.snapshot === snapshot) cached = undefined;
    });
    return snapshot;
  };
}

async function build(db: Db, policy: RefreshPolicy, now: Date, syncedAt: Date | null): Promise<RefreshSnapshot> {
  const attention: ClassifiedDevice[] = [];
  async function* keepingAttention() {
    for await (const classified of classifiedDevices(db, policy, now)) {
      if (classified.judgement.state !== "current") attention.push(classified);
      yield classified;
    }
  }
  const summary = await summariseDevices(keepingAttention());
  return { summary, attention, syncedAt };
}
