/**
 * Moves the council on by some days, as a real one changes between two syncs:
 * people join, leave and move, old devices are swapped for new ones, and most
 * devices check in with Intune. Everything changed in one call is stamped with
 * the same new council.version, so a delta token can simply be a version.
 * Deterministic from (seed, version): the same history replays identically.
 */

import { dateOf, dateTimeOf, dayNumber, dayOfDateTime } from "./dates";
import { type FleetContext, makeDevice } from "./devices";
import type { Chassis } from "./hardware";
import { jobTitleFrom, locationFrom, makePerson, type PeopleContext } from "./people";
import { councilProfile } from "./profile";
import { Random, seedFrom } from "./random";
import { SERVICE_TEMPLATES } from "./structure";
import type { Council, CouncilChanges, CouncilUser, Directorate, Service } from "./types";

/** Daily rates, as shares of the workforce or the fleet. */
const JOIN_RATE = 0.0005;
const LEAVE_RATE = 0.0005;
const MOVE_RATE = 0.0002;
const REPLACE_RATE = 0.0003;
/** A device not seen for this many days is stale and rarely comes back. */
const STALE_DAYS = 30;

type Workforce = {
  /** The chief executive, directors and service managers: the structure hangs on them, so they stay put. */
  leadership: Set<string>;
  directorHeads: Set<string>;
  /** Manager id → ids of direct reports. */
  reports: Map<string, Set<string>>;
  services: Map<string, { directorate: Directorate; service: Service }>;
};

export function advanceCouncil(council: Council, days: number): CouncilChanges {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number from 0, got ${days}`);
  const changes: CouncilChanges = { days, joiners: [], leavers: [], movers: [], devicesReplaced: [], devicesSynced: 0 };
  if (days === 0) return changes;

  const random = new Random(seedFrom(council.seed, "advance", council.version));
  const previousDay = dayNumber(council.today);
  const todayDay = previousDay + days;
  const version = council.version + 1;
  council.version = version;
  council.today = dateOf(todayDay);

  const workforce = workforceOf(council);
  const headcount = council.users.size;
  const howMany = (rate: number, of: number) => Math.max(1, Math.round(of * rate * days * random.between(0.6, 1.4)));
  removeLeavers(council, workforce, random, howMany(LEAVE_RATE, headcount), version, changes);
  const managersByService = managersOf(council, workforce);
  moveStaff(council, workforce, managersByService, random, howMany(MOVE_RATE, headcount), version, changes);
  addJoiners(council, workforce, managersByService, random, todayDay, howMany(JOIN_RATE, headcount), version, changes);
  if (council.devices.size > 0) {
    replaceOldDevices(council, random, todayDay, howMany(REPLACE_RATE, council.devices.size), version, changes);
  }
  syncDevices(council, random, previousDay, days, version, changes);
  return changes;
}

function workforceOf(council: Council): Workforce {
  const leadership = new Set<string>();
  const directorHeads = new Set<string>();
  const services = new Map<string, { directorate: Directorate; service: Service }>();
  for (const directorate of council.directorates) {
    leadership.add(directorate.headUserId);
    directorHeads.add(directorate.headUserId);
    for (const service of directorate.services) {
      leadership.add(service.managerUserId);
      services.set(service.id, { directorate, service });
    }
  }
  const reports = new Map<string, Set<string>>();
  for (const user of council.users.values()) {
    if (user.managerId) reportsOf(reports, user.managerId).add(user.id);
  }
  return { leadership, directorHeads, reports, services };
}

function reportsOf(reports: Map<string, Set<string>>, managerId: string): Set<string> {
  let direct = reports.get(managerId);
  if (!direct) {
    direct = new Set();
    reports.set(managerId, direct);
  }
  return direct;
}

/** Draws up to count distinct items, each removed from pool (which is reordered). */
function drawFrom<T>(random: Random, pool: T[], count: number): T[] {
  const drawn: T[] = [];
  while (drawn.length < count && pool.length > 0) {
    const index = random.int(0, pool.length - 1);
    drawn.push(pool[index] as T);
    pool[index] = pool[pool.length - 1] as T;
    pool.pop();
  }
  return drawn;
}

function removeLeavers(
  council: Council,
  workforce: Workforce,
  random: Random,
  count: number,
  version: number,
  changes: CouncilChanges,
): void {
  const candidates = [...council.users.keys()].filter((id) => !workforce.leadership.has(id));
  for (const id of drawFrom(random, candidates, count)) {
    const leaver = council.users.get(id);
    if (!leaver?.managerId) continue;
    const managerId = leaver.managerId;
    council.users.delete(id);
    council.removedUsers.set(id, version);
    council.installedApps.delete(id);
    workforce.reports.get(managerId)?.delete(id);
    // The leaver's team now reports to the leaver's own manager until someone is appointed.
    for (const reportId of workforce.reports.get(id) ?? []) {
      const report = council.users.get(reportId);
      if (!report) continue;
      report.managerId = managerId;
      report.version = version;
      reportsOf(workforce.reports, managerId).add(reportId);
    }
    workforce.reports.delete(id);
    changes.leavers.push(id);
  }
  // A leaver's devices go back to the ICT store unassigned.
  for (const device of council.devices.values()) {
    if (device.userId !== null && council.removedUsers.get(device.userId) === version) {
      device.userId = null;
      device.version = version;
    }
  }
}

/** Per service, the people new staff can report to: everyone who manages someone, directors apart. */
function managersOf(council: Council, workforce: Workforce): Map<string, string[]> {
  const managers = new Map<string, string[]>();
  for (const [managerId, direct] of workforce.reports) {
    const manager = council.users.get(managerId);
    if (!manager || direct.size === 0 || workforce.directorHeads.has(managerId)) continue;
    const list = managers.get(manager.serviceId) ?? [];
    list.push(managerId);
    managers.set(manager.serviceId, list);
  }
  return managers;
}

function managerIn(random: Random, managersByService: Map<string, string[]>, service: Service): string {
  const managers = managersByService.get(service.id);
  return managers && managers.length > 0 ? random.pick(managers) : service.managerUserId;
}

function moveStaff(
  council: Council,
  workforce: Workforce,
  managersByService: Map<string, string[]>,
  random: Random,
  count: number,
  version: number,
  changes: CouncilChanges,
): void {
  const places = [...workforce.services.values()];
  if (places.length < 2) return;
  // Only people who manage nobody move, so no team is left behind.
  const candidates = [...council.users.values()].filter(
    (user) => !workforce.leadership.has(user.id) && (workforce.reports.get(user.id)?.size ?? 0) === 0,
  );
  for (const mover of drawFrom(random, candidates, count)) {
    let target = random.pick(places);
    while (target.service.id === mover.serviceId) target = random.pick(places);
    const template = SERVICE_TEMPLATES.get(target.service.name);
    if (!template) continue;
    const managerId = managerIn(random, managersByService, target.service);
    if (mover.managerId) workforce.reports.get(mover.managerId)?.delete(mover.id);
    reportsOf(workforce.reports, managerId).add(mover.id);
    mover.directorateId = target.directorate.id;
    mover.department = target.directorate.name;
    mover.serviceId = target.service.id;
    mover.serviceName = target.service.name;
    mover.managerId = managerId;
    mover.jobTitle = jobTitleFrom(random, template.roles);
    mover.officeLocation = council.users.get(managerId)?.officeLocation ?? locationFrom(random, template);
    mover.version = version;
    changes.movers.push(mover.id);
  }
}

function addJoiners(
  council: Council,
  workforce: Workforce,
  managersByService: Map<string, string[]>,
  random: Random,
  todayDay: number,
  count: number,
  version: number,
  changes: CouncilChanges,
): void {
  const everyone: CouncilUser[] = [...council.users.values()];
  let lastEmployeeNumber = 0;
  for (const user of everyone) lastEmployeeNumber = Math.max(lastEmployeeNumber, Number(user.employeeId) || 0);
  const people: PeopleContext = {
    random,
    profile: councilProfile(council.seed),
    todayDay,
    takenNames: new Set(everyone.map((user) => user.userPrincipalName.split("@")[0] ?? "")),
    lastEmployeeNumber,
  };
  for (let n = 0; n < count; n++) {
    // Services recruit in proportion to their size: pick a colleague and join their service.
    const place = workforce.services.get(random.pick(everyone).serviceId);
    const template = place && SERVICE_TEMPLATES.get(place.service.name);
    if (!place || !template) continue;
    const managerId = managerIn(random, managersByService, place.service);
    const location = council.users.get(managerId)?.officeLocation ?? locationFrom(random, template);
    const joiner = makePerson(
      people,
      {
        directorateId: place.directorate.id,
        department: place.directorate.name,
        serviceId: place.service.id,
        template,
        jobTitle: jobTitleFrom(random, template.roles),
        managerId,
        leader: false,
      },
      location,
      todayDay,
      version,
    );
    council.users.set(joiner.id, joiner);
    reportsOf(workforce.reports, managerId).add(joiner.id);
    changes.joiners.push(joiner.id);
  }
}

/** The replacement programme: some of the oldest Windows machines give way to new Windows 11 ones for the same person. */
function replaceOldDevices(
  council: Council,
  random: Random,
  todayDay: number,
  count: number,
  version: number,
  changes: CouncilChanges,
): void {
  const oldest = [...council.devices.values()]
    .filter((device) => device.operatingSystem === "Windows" && device.userId !== null)
    .sort((a, b) => (a.enrolledDateTime < b.enrolledDateTime ? -1 : a.enrolledDateTime > b.enrolledDateTime ? 1 : 0))
    .slice(0, Math.max(20, count * 4));
  const serials = new Set<string>();
  const lastAsset: Record<Chassis, number> = { laptop: 0, desktop: 0, tablet: 0 };
  for (const device of council.devices.values()) {
    serials.add(device.serialNumber);
    lastAsset[device.chassis] = Math.max(lastAsset[device.chassis], Number(device.deviceName.split("-").pop()) || 0);
  }
  const fleet: FleetContext = {
    random,
    profile: councilProfile(council.seed),
    todayDay,
    serials,
    modelTables: new Map(),
  };
  for (const retired of drawFrom(random, oldest, count)) {
    council.devices.delete(retired.id);
    council.removedDevices.set(retired.id, version);
    lastAsset[retired.chassis] += 1;
    const enrolled = makeDevice(fleet, {
      chassis: retired.chassis,
      userId: retired.userId,
      enrolDay: todayDay,
      assetNumber: lastAsset[retired.chassis],
      fresh: true,
      version,
    });
    council.devices.set(enrolled.id, enrolled);
    changes.devicesReplaced.push({ retired: retired.id, enrolled: enrolled.id });
  }
}

/** Most devices check in during the period; stale ones seldom return. */
function syncDevices(
  council: Council,
  random: Random,
  previousDay: number,
  days: number,
  version: number,
  changes: CouncilChanges,
): void {
  const todayDay = previousDay + days;
  for (const device of council.devices.values()) {
    const lastSyncDay = dayOfDateTime(device.lastSyncDateTime);
    if (lastSyncDay >= todayDay) continue; // enrolled today
    const stale = previousDay - lastSyncDay > STALE_DAYS;
    if (!random.chance(stale ? 0.05 : 0.93)) continue;
    const syncDay = todayDay - random.int(0, Math.min(days - 1, 3));
    device.lastSyncDateTime = dateTimeOf(syncDay, random.int(6 * 3600, 20 * 3600));
    // A device that reports in again has its compliance evaluated again.
    if (device.complianceState === "unknown") device.complianceState = "compliant";
    device.version = version;
    changes.devicesSynced++;
  }
}
