import { createHash } from "node:crypto";
import type {
  Council,
  CouncilChanges,
  CouncilDevice,
  CouncilSite,
  CouncilUser,
  Directorate,
  UserDayActivity,
} from "../../../../graph/devtenant/council/types";

/** A GUID that sorts by `n` within a kind, so tests can reason about order. */
export function fixtureGuid(kind: number, n: number): string {
  return `${String(kind).padStart(8, "0")}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

/** The id of the person with this UPN in a council (throws when there is none, to fail the test plainly). */
export function userIdOf(council: Council, upn: string): string {
  const user = [...council.users.values()].find((u) => u.userPrincipalName === upn);
  if (!user) throw new Error(`No ${upn} in the council`);
  return user.id;
}

const directorateNames = ["Adult Social Care", "Place and Economy", "Resources"];
const serviceNames = [
  ["Home Care", "Safeguarding Adults"],
  ["Waste and Recycling", "Highways"],
  ["Revenues and Benefits", "ICT"],
];

/**
 * A hand-built council of 30 people (chief executive, 3 directors, 6 service
 * managers, 20 staff), 40 devices and 3 sites, exactly in the generator's
 * data model, for tests that must not depend on the generator.
 */
export function smallCouncil(): Council {
  const users = new Map<string, CouncilUser>();
  const directorates: Directorate[] = [];
  let n = 0;
  const person = (
    given: string,
    family: string,
    jobTitle: string,
    managerId: string | null,
    place: { directorate: number; service: number },
  ) => {
    n += 1;
    const id = fixtureGuid(1, n);
    const upnLocal = `${given}.${family}`.toLowerCase();
    users.set(id, {
      id,
      displayName: `${given} ${family}`,
      givenName: given,
      surname: family,
      userPrincipalName: `${upnLocal}@llanfair.gov.uk`,
      mail: `${upnLocal}@llanfair.gov.uk`,
      jobTitle,
      department: directorateNames[place.directorate] ?? "",
      serviceName: serviceNames[place.directorate]?.[place.service] ?? "",
      directorateId: fixtureGuid(2, place.directorate + 1),
      serviceId: fixtureGuid(3, place.directorate * 2 + place.service + 1),
      officeLocation: place.directorate === 1 ? "Depot Road" : "County Hall",
      employeeId: String(100_000 + n),
      // One leaver-in-waiting has a disabled account; one contractor has no licence.
      accountEnabled: n !== 29,
      managerId,
      createdDateTime: `20${String(10 + (n % 14)).padStart(2, "0")}-0${1 + (n % 9)}-15T09:00:00Z`,
      isLicensed: n !== 30,
      version: 1,
      oneDrive: {
        storageUsed: n * 1_000_000_000,
        storageAllocated: 1_099_511_627_776,
        fileCount: n * 100,
        activeFileCount: n * 3,
        lastActivityDate: n % 5 === 0 ? null : "2026-11-18",
      },
      engagement: (n % 10) / 10,
      mobileShare: place.directorate === 1 ? 0.5 : 0.1,
    });
    return id;
  };

  const chief = person("Eleri", "Morgan", "Chief Executive", null, { directorate: 2, service: 0 });
  const staffNames = [
    ["Priya", "Shah"],
    ["Tom", "Evans"],
    ["Siân", "Jones"],
    ["Aled", "Hughes"],
    ["Grace", "Okafor"],
    ["Dafydd", "Price"],
    ["Mei", "Chen"],
    ["Owen", "Davies"],
    ["Hannah", "Lewis"],
    ["Rhys", "Thomas"],
    ["Amira", "Haddad"],
    ["Ffion", "Roberts"],
    ["Jack", "Walsh"],
    ["Nia", "Williams"],
    ["Kasia", "Nowak"],
    ["Gareth", "Rees"],
    ["Leah", "Bennett"],
    ["Iwan", "Griffiths"],
    ["Sara", "Khan"],
    ["Bethan", "Parry"],
  ];
  const managerNames = [
    ["Carys", "Edwards"],
    ["Ravi", "Patel"],
    ["Megan", "James"],
    ["Huw", "Powell"],
    ["Olu", "Adeyemi"],
    ["Lowri", "Bowen"],
  ];
  const directorNames = [
    ["Sioned", "Rowlands"],
    ["Mark", "Jenkins"],
    ["Anita", "Kowalski"],
  ];
  let staffIndex = 0;
  for (let d = 0; d < 3; d++) {
    const [dg, df] = directorNames[d] as string[];
    const head = person(dg ?? "", df ?? "", `Director of ${directorateNames[d]}`, chief, {
      directorate: d,
      service: 0,
    });
    const services = [];
    for (let s = 0; s < 2; s++) {
      const [mg, mf] = managerNames[d * 2 + s] as string[];
      const manager = person(mg ?? "", mf ?? "", "Service Manager", head, { directorate: d, service: s });
      services.push({
        id: fixtureGuid(3, d * 2 + s + 1),
        directorateId: fixtureGuid(2, d + 1),
        name: serviceNames[d]?.[s] ?? "",
        managerUserId: manager,
      });
      for (let k = 0; k < (d * 2 + s < 2 ? 4 : 3); k++) {
        const [sg, sf] = staffNames[staffIndex++] as string[];
        person(sg ?? "", sf ?? "", k === 0 ? "Team Leader" : "Officer", manager, { directorate: d, service: s });
      }
    }
    directorates.push({ id: fixtureGuid(2, d + 1), name: directorateNames[d] ?? "", headUserId: head, services });
  }

  const userIds = [...users.keys()];
  const devices = new Map<string, CouncilDevice>();
  for (let i = 1; i <= 40; i++) {
    const id = fixtureGuid(4, i);
    const tablet = i > 36;
    devices.set(id, {
      id,
      deviceName: `LLAN-${tablet ? "TB" : "LT"}-${String(4800 + i).padStart(5, "0")}`,
      // The last four laptops are shared: no primary user.
      userId: i > 32 && !tablet ? null : (userIds[(i - 1) % userIds.length] ?? null),
      operatingSystem: tablet ? "iOS" : "Windows",
      osVersion: tablet ? "17.6.1" : i % 2 === 0 ? "10.0.22631.4460" : "10.0.19045.5131",
      chassis: tablet ? "tablet" : "laptop",
      manufacturer: tablet ? "Apple" : "Dell Inc.",
      model: tablet ? "iPad (9th generation)" : "Latitude 5490",
      modelYear: tablet ? 2021 : 2018,
      processorName: tablet ? "Apple A13 Bionic" : "Intel(R) Core(TM) i5-8350U CPU @ 1.70GHz",
      serialNumber: `SN${String(i).padStart(6, "0")}`,
      enrolledDateTime: "2019-04-01T10:00:00Z",
      lastSyncDateTime: i % 7 === 0 ? "2026-07-01T08:00:00Z" : "2026-11-22T08:00:00Z",
      complianceState: i % 9 === 0 ? "noncompliant" : "compliant",
      totalStorageSpaceInBytes: 255_999_967_232,
      freeStorageSpaceInBytes: 100_000_000_000 + i,
      physicalMemoryInBytes: 8_589_934_592,
      hardwareInformation: {
        serialNumber: `SN${String(i).padStart(6, "0")}`,
        totalStorageSpace: 255_999_967_232,
        freeStorageSpace: 100_000_000_000 + i,
        manufacturer: tablet ? "Apple" : "Dell Inc.",
        model: tablet ? "iPad (9th generation)" : "Latitude 5490",
        tpmSpecificationVersion: tablet ? "" : "2.0",
        tpmManufacturer: tablet ? "" : "STM",
        tpmVersion: tablet ? "" : "1.258",
        systemManagementBIOSVersion: tablet ? "" : "1.31.0",
        biosReleaseDate: tablet ? null : "2024-03-12",
        batteryHealthPercentage: 70 + (i % 30),
        batteryChargeCycles: 100 + i * 10,
        operatingSystemEdition: tablet ? "" : "Enterprise",
        osBuildNumber: tablet ? "21G93" : "22631.4460",
      },
      version: 1,
    });
  }

  const sites: CouncilSite[] = ["WasteAndRecycling", "RevenuesAndBenefits", "ICT"].map((name, i) => {
    const siteGuid = fixtureGuid(5, i + 1);
    const quotaTotal = 27_487_790_694_400;
    const used = (i + 1) * 5_000_000_000;
    return {
      id: `llanfair.sharepoint.com,${siteGuid},${fixtureGuid(6, i + 1)}`,
      name,
      displayName: name.replace(/([a-z])([A-Z])/g, "$1 $2"),
      webUrl: `https://llanfair.sharepoint.com/sites/${name}`,
      serviceId: fixtureGuid(3, [3, 5, 6][i] ?? 1),
      ownerUserId: userIds[i + 4] ?? chief,
      createdDateTime: "2021-06-01T12:00:00Z",
      lastActivityDate: "2026-11-20",
      fileCount: 1_000 * (i + 1),
      activeFileCount: 50 * (i + 1),
      pageViewCount: 300 * (i + 1),
      visitedPageCount: 40 * (i + 1),
      drive: {
        id: `b!fixture-drive-${i + 1}`,
        name: "Documents",
        webUrl: `https://llanfair.sharepoint.com/sites/${name}/Shared%20Documents`,
        quota: { total: quotaTotal, used, remaining: quotaTotal - used, deleted: 0, state: "normal" },
        rootChildCount: 12 + i,
      },
    };
  });

  return {
    tenantId: "4b1c6a5e-2d7f-4c1a-9e3b-6f0d8a2c1b9e",
    displayName: "Llanfair County Council",
    domain: "llanfair.gov.uk",
    sharePointHost: "llanfair",
    seed: 1,
    today: "2026-11-23",
    directorates,
    users,
    devices,
    sites,
    reportSettings: { displayConcealedNames: false },
    version: 1,
    removedUsers: new Map(),
    removedDevices: new Map(),
    installedApps: new Map(),
  };
}

/** Deterministic daily use from a hash of who and when: nobody works weekends. */
export function fixtureActivityFor(_council: Council, user: CouncilUser, date: string): UserDayActivity {
  const bytes = createHash("sha256").update(`${user.id}|${date}`).digest();
  const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
  const active = !weekend && (bytes[0] as number) / 255 < 0.3 + user.engagement * 0.7;
  const count = (i: number, max: number) => (active ? (bytes[i] as number) % (max + 1) : 0);
  const flag = (i: number) => active && (bytes[i] as number) % 2 === 0;
  return {
    teamChatMessages: count(1, 20),
    privateChatMessages: count(2, 30),
    calls: count(3, 4),
    meetingsOrganized: count(4, 2),
    meetingsAttended: count(5, 5),
    postMessages: count(6, 3),
    replyMessages: count(7, 5),
    audioSeconds: count(8, 200) * 10,
    videoSeconds: count(9, 100) * 10,
    screenShareSeconds: count(10, 50) * 10,
    emailsSent: count(11, 15),
    emailsReceived: count(12, 60),
    emailsRead: count(13, 50),
    teamsOn: { web: flag(14), windows: active, mac: false, ios: flag(15), android: flag(16) },
    appsOn: { windows: active, mac: false, mobile: flag(17), web: flag(18) },
    apps: { outlook: active, word: flag(19), excel: flag(20), powerPoint: flag(21), oneNote: false, teams: active },
    oneDriveFilesViewedOrEdited: count(22, 10),
    sharePointFilesViewedOrEdited: count(23, 10),
  };
}

/**
 * Moves the fixture council on: each call makes one mover (new job title),
 * one leaver (the last staff member still present) and one joiner, each
 * stamped with a new version, as the generator's advanceCouncil does.
 */
export function fixtureAdvance(council: Council, days: number): CouncilChanges {
  const staff = [...council.users.values()].filter((u) => u.jobTitle === "Officer");
  const mover = staff[0];
  const leaver = staff[staff.length - 1];
  const changes: CouncilChanges = { days, joiners: [], leavers: [], movers: [], devicesReplaced: [], devicesSynced: 0 };
  if (mover) {
    council.version += 1;
    mover.jobTitle = "Senior Officer";
    mover.version = council.version;
    changes.movers.push(mover.id);
  }
  if (leaver && leaver !== mover) {
    council.version += 1;
    council.users.delete(leaver.id);
    council.removedUsers.set(leaver.id, council.version);
    changes.leavers.push(leaver.id);
  }
  const template = mover ?? [...council.users.values()][1];
  if (template) {
    council.version += 1;
    const id = fixtureGuid(7, council.version);
    council.users.set(id, {
      ...template,
      id,
      displayName: `New Starter ${council.version}`,
      givenName: "New",
      surname: `Starter${council.version}`,
      userPrincipalName: `new.starter${council.version}@llanfair.gov.uk`,
      mail: `new.starter${council.version}@llanfair.gov.uk`,
      jobTitle: "Officer",
      version: council.version,
      oneDrive: { ...template.oneDrive },
    });
    changes.joiners.push(id);
  }
  const today = new Date(`${council.today}T00:00:00Z`);
  today.setUTCDate(today.getUTCDate() + days);
  council.today = today.toISOString().slice(0, 10);
  return changes;
}
