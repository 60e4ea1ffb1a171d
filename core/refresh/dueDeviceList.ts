import type { ClassifiedDevice } from "./classifiedDevices";
import { type RefreshState, refreshStates, replacementStates } from "./refreshPolicy";

export const dueListSorts = ["state", "name", "owner", "directorate", "model", "age"] as const;
export type DueListSort = (typeof dueListSorts)[number];

/** States the list can show: every one but current (nothing to do there). */
export const attentionStates = refreshStates.filter((s) => s !== "current");

export type DueListQuery = {
  /** One state; by default the states in which the policy says to replace. */
  state?: RefreshState;
  /** The owner's directorate, as the directory spells it. */
  directorate?: string;
  sort: DueListSort;
  direction: "asc" | "desc";
  /** From 1. */
  page: number;
  pageSize: number;
};

const text = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b, "en-GB");

const orders: Record<DueListSort, (a: ClassifiedDevice, b: ClassifiedDevice) => number> = {
  state: (a, b) => refreshStates.indexOf(a.judgement.state) - refreshStates.indexOf(b.judgement.state),
  name: (a, b) => text(a.device.device_name, b.device.device_name),
  owner: (a, b) => text(a.device.owner_name, b.device.owner_name),
  directorate: (a, b) => text(a.device.department, b.device.department),
  model: (a, b) => text(a.device.model, b.device.model),
  age: (a, b) =>
    a.judgement.estimatedAgeYears === b.judgement.estimatedAgeYears
      ? 0
      : a.judgement.estimatedAgeYears === null
        ? 1
        : b.judgement.estimatedAgeYears === null
          ? -1
          : a.judgement.estimatedAgeYears - b.judgement.estimatedAgeYears,
};

/**
 * One page of the devices that need something, filtered and sorted. Ties
 * fall back to the most pressing state, then owner and device name, so pages
 * never shuffle between calls.
 */
export function dueDevicePage(
  devices: readonly ClassifiedDevice[],
  query: DueListQuery,
): { total: number; devices: ClassifiedDevice[] } {
  const states: readonly RefreshState[] = query.state ? [query.state] : replacementStates;
  const matching = devices.filter(
    (d) =>
      states.includes(d.judgement.state) &&
      (query.directorate === undefined || d.device.department === query.directorate),
  );
  const sign = query.direction === "asc" ? 1 : -1;
  const chosen = orders[query.sort];
  matching.sort(
    (a, b) =>
      sign * chosen(a, b) ||
      orders.state(a, b) ||
      orders.owner(a, b) ||
      orders.name(a, b) ||
      text(a.device.id, b.device.id),
  );
  const start = (query.page - 1) * query.pageSize;
  return { total: matching.length, devices: matching.slice(start, start + query.pageSize) };
}
