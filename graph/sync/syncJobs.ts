import { devicesSync } from "./devicesSync";
import { reportsSync } from "./reportsSync";
import { sitesSync } from "./sitesSync";
import type { SyncJob, SyncName } from "./syncContext";
import { usersSync } from "./usersSync";

/** Every sync, in the order a full sync runs them (people before their devices). */
export const syncJobs: Readonly<Record<SyncName, SyncJob>> = {
  users: usersSync,
  devices: devicesSync,
  sites: sitesSync,
  reports: reportsSync,
};

export const syncNames = Object.keys(syncJobs) as SyncName[];

export const isSyncName = (name: string): name is SyncName => name in syncJobs;

/** How often the server runs each sync. */
export const syncIntervalsMs: Readonly<Record<SyncName, number>> = {
  users: 15 * 60_000,
  devices: 4 * 60 * 60_000,
  sites: 24 * 60 * 60_000,
  reports: 6 * 60 * 60_000,
};
