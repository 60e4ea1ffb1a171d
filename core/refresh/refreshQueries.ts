import { operatingSystemRelease } from "../devices/windowsVersion";
import type { Db } from "../store/database";
import { type ClassifiedDevice, classifiedDevices } from "./classifiedDevices";
import { type RefreshPolicy, type RefreshState, refreshStates } from "./refreshPolicy";

export { type BurndownPoint, refreshWaveProgress, type WaveProgress, waveBurndown } from "./waveProgress";

export type StateCounts = Record<RefreshState, number>;

/** One group of devices (a directorate, a model…) and how many are in each state. */
export type BreakdownRow = { key: string | null; total: number; states: StateCounts };

export type RefreshSummary = {
  /** Present devices (not removed from Intune). */
  total: number;
  states: StateCounts;
  /** By the owner's directorate; null: shared devices and owners the directory does not place. */
  byDirectorate: BreakdownRow[];
  /** By system and release, e.g. "Windows 11 24H2", "iOS 26". */
  byOperatingSystem: BreakdownRow[];
  byModel: BreakdownRow[];
  /** Whole years of estimated age ("0-1" … "7+"), youngest first; null: no evidence. */
  byAgeBand: BreakdownRow[];
  /** Intune's compliance state. */
  byCompliance: BreakdownRow[];
};

export const ageBands = ["0-1", "1-2", "2-3", "3-4", "4-5", "5-6", "6-7", "7+"] as const;

export function ageBand(years: number | null): (typeof ageBands)[number] | null {
  if (years === null) return null;
  return ageBands[Math.min(Math.floor(years), ageBands.length - 1)] ?? null;
}

const noStates = (): StateCounts => Object.fromEntries(refreshStates.map((state) => [state, 0])) as StateCounts;

/**
 * The refresh dashboard's counts, by state and broken down five ways, from one
 * pass over the classified devices (every breakdown needs the state, and the
 * state is decided in TypeScript).
 */
export async function refreshSummary(db: Db, policy: RefreshPolicy, now: Date): Promise<RefreshSummary> {
  return summariseDevices(classifiedDevices(db, policy, now));
}

/** The counts over devices already classified (the tab API counts while it keeps the list it pages through). */
export async function summariseDevices(devices: AsyncIterable<ClassifiedDevice>): Promise<RefreshSummary> {
  const groupings = {
    byDirectorate: new Map<string | null, BreakdownRow>(),
    byOperatingSystem: new Map<string | null, BreakdownRow>(),
    byModel: new Map<string | null, BreakdownRow>(),
    byAgeBand: new Map<string | null, BreakdownRow>(),
    byCompliance: new Map<string | null, BreakdownRow>(),
  };
  const count = (grouping: Map<string | null, BreakdownRow>, key: string | null, state: RefreshState) => {
    let row = grouping.get(key);
    if (!row) {
      row = { key, total: 0, states: noStates() };
      grouping.set(key, row);
    }
    row.total += 1;
    row.states[state] += 1;
  };

  let total = 0;
  const states = noStates();
  for await (const { device, judgement } of devices) {
    const { state } = judgement;
    total += 1;
    states[state] += 1;
    count(groupings.byDirectorate, device.department, state);
    count(groupings.byOperatingSystem, operatingSystemRelease(device.operating_system, device.os_version), state);
    count(groupings.byModel, device.model, state);
    count(groupings.byAgeBand, ageBand(judgement.estimatedAgeYears), state);
    count(groupings.byCompliance, device.compliance_state, state);
  }

  // Largest first; among equals by name, with the unplaced (null) group last.
  const largestFirst = (grouping: Map<string | null, BreakdownRow>) =>
    [...grouping.values()].sort(
      (a, b) =>
        b.total - a.total ||
        (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) ||
        (a.key ?? "").localeCompare(b.key ?? "", "en-GB"),
    );
  const bandOrder = (key: string | null) => (key === null ? ageBands.length : ageBands.indexOf(key as never));
  return {
    total,
    states,
    byDirectorate: largestFirst(groupings.byDirectorate),
    byOperatingSystem: largestFirst(groupings.byOperatingSystem),
    byModel: largestFirst(groupings.byModel),
    byAgeBand: [...groupings.byAgeBand.values()].sort((a, b) => bandOrder(a.key) - bandOrder(b.key)),
    byCompliance: largestFirst(groupings.byCompliance),
  };
}
