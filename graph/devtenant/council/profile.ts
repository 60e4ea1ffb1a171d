/**
 * The choices that make one council unlike another and never change as it
 * ages: its name, the mix of names in its workforce, the vendors it buys from,
 * how its SharePoint storage is set up. Drawn from the seed alone so that
 * generation and every later advance agree on them.
 */

import type { Vendor } from "./hardware";
import { COUNCIL_PLACES, type CouncilPlace, NAME_GROUPS } from "./names";
import { Random, seedFrom } from "./random";

export type CouncilProfile = {
  place: CouncilPlace;
  displayName: string;
  domain: string;
  sharePointHost: string;
  /** Prefix of device names, e.g. "LLAN" in LLAN-LT-04821. */
  devicePrefix: string;
  /** Weight of each heritage group in NAME_GROUPS. */
  nameGroupWeights: readonly number[];
  /** Councils standardise on one or two vendors, buying a little from others. */
  vendorWeights: Readonly<Record<Vendor, number>>;
  /** Pooled tenant storage (every site's quota is the 25 TB default) or a fixed 1 TB per site. */
  pooledStorage: boolean;
};

const PREFERENCE = [6, 2.5, 0.6, 0.4];

export function councilProfile(seed: number): CouncilProfile {
  const random = new Random(seedFrom(seed, "profile"));
  const place = random.pick(COUNCIL_PLACES);
  const host = place.name.toLowerCase();
  const pcVendors = random.shuffle<Vendor>(["Dell", "Lenovo", "HP", "Microsoft"]);
  const preferredTablet = random.pick<Vendor>(["Apple", "Samsung"]);
  const weightOf = (vendor: Vendor): number =>
    vendor === "Apple" || vendor === "Samsung"
      ? vendor === preferredTablet
        ? 4
        : 1
      : (PREFERENCE[pcVendors.indexOf(vendor)] ?? 0);
  const vendorWeights: Record<Vendor, number> = {
    Dell: weightOf("Dell"),
    Lenovo: weightOf("Lenovo"),
    HP: weightOf("HP"),
    Microsoft: weightOf("Microsoft"),
    Apple: weightOf("Apple"),
    Samsung: weightOf("Samsung"),
  };
  return {
    place,
    displayName: `${place.name} ${place.kind}`,
    domain: `${host}.gov.uk`,
    sharePointHost: host,
    devicePrefix: host.slice(0, 4).toUpperCase(),
    nameGroupWeights: NAME_GROUPS.map((group) => (place.welsh ? group.welshWeight : group.weight)),
    vendorWeights,
    pooledStorage: random.chance(0.7),
  };
}
