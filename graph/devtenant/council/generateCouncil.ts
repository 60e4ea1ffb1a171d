/**
 * Builds the whole council from a seed: organisation and people, devices,
 * SharePoint sites. Nothing per day is stored: Microsoft 365 activity is
 * computed on demand (activity.ts), so large councils stay cheap.
 */

import { dayNumber } from "./dates";
import { buildFleet } from "./fleet";
import { buildOrganisation } from "./organisation";
import { councilProfile } from "./profile";
import { Random, seedFrom } from "./random";
import { buildSites } from "./sites";
import { DIRECTORATES, SERVICE_TEMPLATES, type ServiceKind } from "./structure";
import type { Council, CouncilOptions, CouncilUser } from "./types";

export const DEFAULT_TODAY = "2026-11-23";

export function generateCouncil(options: CouncilOptions): Council {
  const { seed, staff, devices } = options;
  if (!Number.isInteger(staff) || staff < 1)
    throw new RangeError(`staff must be a positive whole number, got ${staff}`);
  if (!Number.isInteger(devices) || devices < 0) {
    throw new RangeError(`devices must be a whole number from 0, got ${devices}`);
  }
  const directorateCount = directoratesFor(options);
  // Each directorate needs at least a director and one service manager.
  if (staff < 2 * directorateCount) {
    throw new RangeError(`${directorateCount} directorates need at least ${2 * directorateCount} staff, got ${staff}`);
  }
  const today = options.today ?? DEFAULT_TODAY;
  const todayDay = dayNumber(today);
  const profile = councilProfile(seed);
  const random = new Random(seedFrom(seed, "council"));
  const tenantId = random.guid();

  // The tenant moved to Microsoft 365 eight to ten years ago; accounts migrated then came over in a batch.
  const tenantBornDay = todayDay - random.int(8 * 365, 10 * 365);
  const createdDay = () =>
    random.chance(0.45) ? tenantBornDay + random.int(0, 30) : random.int(tenantBornDay, todayDay - 14);

  const people = {
    random,
    profile,
    todayDay,
    takenNames: new Set<string>(),
    lastEmployeeNumber: random.int(100000, 200000),
  };
  const organisation = buildOrganisation(people, DIRECTORATES.slice(0, directorateCount), staff, createdDay);
  const kindOf = (user: CouncilUser): ServiceKind => SERVICE_TEMPLATES.get(user.serviceName)?.kind ?? "office";
  const fleet = buildFleet(
    { random, profile, todayDay, serials: new Set(), modelTables: new Map() },
    organisation.users,
    kindOf,
    devices,
  );
  const headcounts = new Map<string, number>();
  for (const user of organisation.users) headcounts.set(user.serviceId, (headcounts.get(user.serviceId) ?? 0) + 1);
  const sites = buildSites(
    random,
    profile,
    organisation.directorates,
    (serviceId) => headcounts.get(serviceId) ?? 1,
    todayDay,
    tenantBornDay,
  );

  return {
    tenantId,
    displayName: profile.displayName,
    domain: profile.domain,
    sharePointHost: profile.sharePointHost,
    seed,
    today,
    directorates: organisation.directorates,
    users: new Map(organisation.users.map((user) => [user.id, user])),
    devices: new Map(fleet.map((device) => [device.id, device])),
    sites,
    // Names shown, as a council using ICT Hub sets it (Microsoft 365 itself conceals them by default).
    reportSettings: { displayConcealedNames: false },
    version: 1,
    removedUsers: new Map(),
    removedDevices: new Map(),
    installedApps: new Map(),
  };
}

/** About one directorate per 333 staff, from 3 up to every directorate there is. */
function directoratesFor(options: CouncilOptions): number {
  if (options.directorates === undefined) {
    return Math.min(DIRECTORATES.length, Math.max(3, Math.round(options.staff / 333)));
  }
  if (
    !Number.isInteger(options.directorates) ||
    options.directorates < 3 ||
    options.directorates > DIRECTORATES.length
  ) {
    throw new RangeError(`directorates must be from 3 to ${DIRECTORATES.length}, got ${options.directorates}`);
  }
  return options.directorates;
}
