/**
 * Who has which devices: most staff one, field staff often a tablet as well,
 * a few shared devices with no primary user; enrolments spread over seven
 * years, more of them recent, as a rolling replacement programme leaves them.
 */

import { type FleetContext, makeDevice } from "./devices";
import type { Chassis } from "./hardware";
import type { ServiceKind } from "./structure";
import type { CouncilDevice, CouncilUser } from "./types";

const CHASSIS: readonly Chassis[] = ["laptop", "desktop", "tablet"];
/** Laptop, desktop, tablet shares of a first device by kind of work. */
const FIRST_DEVICE_MIX: Readonly<Record<ServiceKind, readonly number[]>> = {
  frontline: [0.62, 0.12, 0.26],
  mixed: [0.75, 0.14, 0.11],
  office: [0.78, 0.19, 0.03],
};
/** Shared devices: reception desktops, library PCs, care-home tablets. */
const SHARED_MIX = [0.2, 0.45, 0.35];
/** Who gets a second device when there are more devices than people. */
const EXTRA_DEVICE_WEIGHT: Readonly<Record<ServiceKind, number>> = { frontline: 3, mixed: 2, office: 1 };
const SEVEN_YEARS = 7 * 365;

type Slot = { userId: string | null; chassis: Chassis; enrolDay: number };

export function buildFleet(
  context: FleetContext,
  users: readonly CouncilUser[],
  kindOf: (user: CouncilUser) => ServiceKind,
  count: number,
): CouncilDevice[] {
  const { random } = context;
  const shared = count === 0 ? 0 : Math.round(count * random.between(0.02, 0.04));
  const owners = random.shuffle([...users]);
  const devicesEach = devicesPerOwner(context, owners, kindOf, count - shared);

  const slots: Slot[] = [];
  owners.forEach((owner, index) => {
    const chassisOwned: Chassis[] = [];
    for (let n = 0; n < (devicesEach[index] ?? 0); n++) {
      const chassis = nextChassis(context, kindOf(owner), chassisOwned);
      chassisOwned.push(chassis);
      slots.push({ userId: owner.id, chassis, enrolDay: enrolmentDay(context) });
    }
  });
  for (let n = 0; n < shared; n++) {
    slots.push({ userId: null, chassis: random.weighted(CHASSIS, SHARED_MIX), enrolDay: enrolmentDay(context) });
  }

  // Asset tags were issued in order of purchase, with the odd gap for write-offs.
  slots.sort((a, b) => a.enrolDay - b.enrolDay);
  const nextAsset: Record<Chassis, number> = {
    laptop: random.int(1000, 3000),
    desktop: random.int(1000, 3000),
    tablet: random.int(1000, 3000),
  };
  return slots.map((slot) => {
    nextAsset[slot.chassis] += random.int(1, 2);
    return makeDevice(context, { ...slot, assetNumber: nextAsset[slot.chassis], fresh: false, version: 1 });
  });
}

function devicesPerOwner(
  context: FleetContext,
  owners: readonly CouncilUser[],
  kindOf: (user: CouncilUser) => ServiceKind,
  personal: number,
): number[] {
  const counts = owners.map((_, index): number => (index < personal ? 1 : 0));
  const extras = personal - owners.length;
  if (extras <= 0) return counts;
  const cumulative: number[] = [];
  let total = 0;
  for (const owner of owners) {
    total += EXTRA_DEVICE_WEIGHT[kindOf(owner)];
    cumulative.push(total);
  }
  for (let n = 0; n < extras; n++) {
    const index = firstAbove(cumulative, context.random.next() * total);
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}

/** Index of the first entry greater than target in an ascending array (binary search). */
function firstAbove(ascending: readonly number[], target: number): number {
  let low = 0;
  let high = ascending.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((ascending[middle] ?? 0) > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** A second device complements the first: field staff add a tablet, others a laptop or a desk machine. */
function nextChassis(context: FleetContext, kind: ServiceKind, owned: readonly Chassis[]): Chassis {
  if (owned.length === 0) return context.random.weighted(CHASSIS, FIRST_DEVICE_MIX[kind]);
  if (kind !== "office" && !owned.includes("tablet")) return "tablet";
  if (!owned.includes("laptop")) return "laptop";
  if (!owned.includes("desktop")) return "desktop";
  return context.random.weighted(CHASSIS, FIRST_DEVICE_MIX[kind]);
}

/** Mostly recent (density falling linearly with age), with a fifth spread evenly over the seven years. */
function enrolmentDay(context: FleetContext): number {
  const { random } = context;
  const age = random.chance(0.8) ? SEVEN_YEARS * (1 - Math.sqrt(random.next())) : random.next() * SEVEN_YEARS;
  return context.todayDay - Math.floor(age);
}
