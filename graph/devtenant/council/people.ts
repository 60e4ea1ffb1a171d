/**
 * One member of staff: a name from the council's mix, a unique sign-in name,
 * and Microsoft 365 habits that follow from the kind of work they do. Used by
 * the generator and by advance (new starters).
 */

import { dateOf, dateTimeOf } from "./dates";
import { NAME_GROUPS } from "./names";
import type { CouncilProfile } from "./profile";
import type { Random } from "./random";
import { LOCATIONS, type ServiceKind, type ServiceTemplate } from "./structure";
import type { CouncilUser } from "./types";

export type PeopleContext = {
  random: Random;
  profile: CouncilProfile;
  todayDay: number;
  /** Sign-in names already taken (local part before @). */
  takenNames: Set<string>;
  /** The highest payroll number issued so far; each new one is a little above it. */
  lastEmployeeNumber: number;
};

/** Where a person sits in the council. */
export type Placement = {
  directorateId: string;
  department: string;
  serviceId: string;
  template: ServiceTemplate;
  jobTitle: string;
  managerId: string | null;
  /** Managers are always enabled and licensed, and a little heavier users of Microsoft 365. */
  leader: boolean;
};

const TERABYTE = 1024 ** 4;
const GIGABYTE = 1024 ** 3;
const ENGAGEMENT: Readonly<Record<ServiceKind, number>> = { frontline: 0.28, mixed: 0.52, office: 0.72 };
const MOBILE_SHARE: Readonly<Record<ServiceKind, number>> = { frontline: 0.55, mixed: 0.3, office: 0.1 };
const UNFOLDABLE: Readonly<Record<string, string>> = { ł: "l", ø: "o", æ: "ae", ß: "ss", đ: "d" };

/** Entra sign-in names are ASCII: "Łukasz Wójcik" signs in as lukasz.wojcik. */
function asciiFold(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[łøæßđ]/g, (letter) => UNFOLDABLE[letter] ?? "")
    .replace(/[^a-z0-9-]/g, "");
}

export function jobTitleFrom(random: Random, titles: readonly string[]): string {
  // The first title in each list is the commonest job in that service.
  return random.weighted(
    titles,
    titles.map((_, rank) => 1 / (rank + 1)),
  );
}

export function locationFrom(random: Random, template: ServiceTemplate): string {
  return random.pick(LOCATIONS[random.pick(template.locations)]);
}

export function makePerson(
  context: PeopleContext,
  placement: Placement,
  officeLocation: string,
  createdDay: number,
  version: number,
): CouncilUser {
  const { random, profile } = context;
  const group = random.weighted(NAME_GROUPS, profile.nameGroupWeights);
  const givenName = random.pick(group.givenNames);
  // Families and marriages mix the groups.
  const surnameGroup = random.chance(0.85) ? group : random.weighted(NAME_GROUPS, profile.nameGroupWeights);
  const surname = random.pick(surnameGroup.surnames);
  const userPrincipalName = `${uniqueLocalPart(context, `${asciiFold(givenName)}.${asciiFold(surname)}`)}@${profile.domain}`;
  context.lastEmployeeNumber += random.int(1, 3);

  const kind = placement.template.kind;
  const accountEnabled = placement.leader || random.chance(0.98);
  const isLicensed = placement.leader || random.chance(0.97);
  const engagement = clamp(random.normal(ENGAGEMENT[kind] + (placement.leader ? 0.12 : 0), 0.14), 0.02, 1);
  const mobileShare = clamp(random.normal(MOBILE_SHARE[kind], 0.12), 0, 0.95);

  return {
    id: random.guid(),
    displayName: `${givenName} ${surname}`,
    givenName,
    surname,
    userPrincipalName,
    mail: userPrincipalName,
    jobTitle: placement.jobTitle,
    department: placement.department,
    serviceName: placement.template.name,
    directorateId: placement.directorateId,
    serviceId: placement.serviceId,
    officeLocation,
    employeeId: String(context.lastEmployeeNumber).padStart(6, "0"),
    accountEnabled,
    managerId: placement.managerId,
    createdDateTime: dateTimeOf(createdDay, random.int(7 * 3600, 18 * 3600)),
    isLicensed,
    version,
    oneDrive: oneDriveOf(random, context.todayDay, createdDay, engagement, accountEnabled, isLicensed),
    engagement,
    mobileShare,
  };
}

function uniqueLocalPart(context: PeopleContext, wanted: string): string {
  let candidate = wanted;
  for (let suffix = 2; context.takenNames.has(candidate); suffix++) candidate = `${wanted}${suffix}`;
  context.takenNames.add(candidate);
  return candidate;
}

function oneDriveOf(
  random: Random,
  todayDay: number,
  createdDay: number,
  engagement: number,
  accountEnabled: boolean,
  isLicensed: boolean,
): CouncilUser["oneDrive"] {
  const ageDays = todayDay - createdDay;
  // Without a licence there is no OneDrive; a new starter has not opened theirs yet.
  const neverUsed = !isLicensed || ageDays < 3 || random.chance(0.03 + 0.12 * (1 - engagement));
  if (neverUsed) {
    return { storageUsed: 0, storageAllocated: TERABYTE, fileCount: 0, activeFileCount: 0, lastActivityDate: null };
  }
  // Log-normal: most people hold a few GB, a long tail approaches the 50 GB that the heaviest users reach.
  const grown = Math.min(1, (ageDays + 30) / 400);
  const gigabytes = Math.min(50, Math.exp(random.normal(0.2 + 1.6 * engagement, 0.9)) * grown);
  const storageUsed = Math.round(gigabytes * GIGABYTE);
  const fileCount = Math.max(1, Math.round(storageUsed / (random.between(0.6, 3) * 1024 ** 2)));
  // A disabled account's OneDrive stays, untouched since the person stopped signing in.
  const recent = accountEnabled && random.chance(0.15 + 0.8 * engagement);
  const daysAgo = recent ? random.int(0, 6) : random.int(accountEnabled ? 7 : 30, 400);
  return {
    storageUsed,
    storageAllocated: TERABYTE,
    fileCount,
    activeFileCount: recent ? Math.round(fileCount * random.between(0, 0.05) * engagement) : 0,
    lastActivityDate: dateOf(Math.max(createdDay, todayDay - daysAgo)),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
