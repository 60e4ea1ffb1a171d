/**
 * The generated council that the dev tenant serves as Microsoft Graph would.
 * Plain data, deterministic from a seed: the generator builds it, `advance`
 * changes it over time, and the Graph routes present it in Graph's shapes.
 */

export type CouncilOptions = {
  /** Same seed, same council, byte for byte. */
  seed: number;
  /** Number of staff (user accounts with a licence). */
  staff: number;
  /** Number of Intune-managed devices (laptops, desktops, tablets). */
  devices: number;
  /** Number of directorates (default 15 for 5,000 staff; at least 3). */
  directorates?: number;
  /** The council's "today" as YYYY-MM-DD (default 2026-11-23): reports and dates are relative to it. */
  today?: string;
};

export type Directorate = {
  id: string;
  /** e.g. "Adult Social Care", "Place and Economy". */
  name: string;
  /** The director: head of the directorate (has no manager inside it). */
  headUserId: string;
  services: Service[];
};

export type Service = {
  id: string;
  directorateId: string;
  /** e.g. "Waste and Recycling", "Revenues and Benefits". */
  name: string;
  /** The service manager: reports to the directorate's head. */
  managerUserId: string;
};

export type CouncilUser = {
  /** Entra object id (GUID). */
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  /** e.g. priya.shah@llanfair.gov.uk */
  userPrincipalName: string;
  mail: string;
  jobTitle: string;
  /** Graph `department`: the directorate's name. */
  department: string;
  /** Graph `employeeOrgData.division`: the service's name. */
  serviceName: string;
  directorateId: string;
  serviceId: string;
  officeLocation: string;
  employeeId: string;
  accountEnabled: boolean;
  /** Entra id of the line manager; null for the chief executive only. */
  managerId: string | null;
  createdDateTime: string;
  /** Has a Microsoft 365 licence (appears in usage reports). */
  isLicensed: boolean;
  /** Council.version when this user last changed (for delta). */
  version: number;
  oneDrive: {
    /** Bytes used. */
    storageUsed: number;
    storageAllocated: number;
    fileCount: number;
    activeFileCount: number;
    /** YYYY-MM-DD or null when never used. */
    lastActivityDate: string | null;
  };
  /**
   * How active this person is in Microsoft 365, 0 (never) to 1 (heavy): it
   * differs by directorate (office-based services are heavier than frontline ones).
   */
  engagement: number;
  /** Share of days this person uses Teams on mobile (frontline staff higher). */
  mobileShare: number;
};

export type ComplianceState = "compliant" | "noncompliant" | "inGracePeriod" | "unknown";

export type CouncilDevice = {
  /** Intune managed device id (GUID). */
  id: string;
  /** e.g. "LLAN-LT-04821" */
  deviceName: string;
  /** Primary user (Entra id); null for a shared or unassigned device. */
  userId: string | null;
  operatingSystem: "Windows" | "iOS" | "Android";
  /** Windows 10: 10.0.19045.nnnn; Windows 11: 10.0.22631.nnnn or 10.0.26100.nnnn; iPadOS/Android versions for tablets. */
  osVersion: string;
  /** "laptop" | "desktop" | "tablet" */
  chassis: "laptop" | "desktop" | "tablet";
  manufacturer: string;
  /** Real model names, e.g. "Latitude 5490", "ThinkPad T14 Gen 3", "Surface Pro 7", "iPad (9th generation)". */
  model: string;
  /** The year the model was released: the generator picks models consistent with enrolment dates. */
  modelYear: number;
  /** Processor name, e.g. "Intel(R) Core(TM) i5-8350U CPU @ 1.70GHz" (Windows 11 needs Intel 8th gen / AMD Zen 2 or later). */
  processorName: string;
  serialNumber: string;
  /** ISO date-time; spread over the last seven years. */
  enrolledDateTime: string;
  /** ISO date-time; some are stale (more than 30 days, a few more than 90). */
  lastSyncDateTime: string;
  complianceState: ComplianceState;
  totalStorageSpaceInBytes: number;
  freeStorageSpaceInBytes: number;
  physicalMemoryInBytes: number;
  /** What Graph returns only when the device is read on its own with $select=hardwareInformation. */
  hardwareInformation: {
    serialNumber: string;
    totalStorageSpace: number;
    freeStorageSpace: number;
    manufacturer: string;
    model: string;
    /** "2.0", "1.2" or "" when no TPM. */
    tpmSpecificationVersion: string;
    tpmManufacturer: string;
    tpmVersion: string;
    systemManagementBIOSVersion: string;
    /** Not a documented Graph field: the inventory's BIOS release date (YYYY-MM-DD), optional evidence. */
    biosReleaseDate: string | null;
    /** 0–100, null for desktops. */
    batteryHealthPercentage: number | null;
    batteryChargeCycles: number | null;
    operatingSystemEdition: string;
    osBuildNumber: string;
  };
  /** Council.version when this device last changed. */
  version: number;
};

export type CouncilSite = {
  /** Graph site id: "host,siteCollectionGuid,webGuid". */
  id: string;
  /** e.g. "WasteAndRecycling" */
  name: string;
  displayName: string;
  /** e.g. https://llanfair.sharepoint.com/sites/WasteAndRecycling */
  webUrl: string;
  serviceId: string;
  ownerUserId: string;
  createdDateTime: string;
  /** YYYY-MM-DD or null. */
  lastActivityDate: string | null;
  fileCount: number;
  activeFileCount: number;
  pageViewCount: number;
  visitedPageCount: number;
  drive: {
    /** Graph drive id ("b!..."). */
    id: string;
    name: "Documents";
    webUrl: string;
    quota: {
      total: number;
      used: number;
      remaining: number;
      deleted: number;
      state: "normal" | "nearing" | "critical" | "exceeded";
    };
    /** Direct children of the root folder. */
    rootChildCount: number;
  };
};

/** One person's Microsoft 365 use on one day (drives every usage report). */
export type UserDayActivity = {
  teamChatMessages: number;
  privateChatMessages: number;
  calls: number;
  meetingsOrganized: number;
  meetingsAttended: number;
  postMessages: number;
  replyMessages: number;
  audioSeconds: number;
  videoSeconds: number;
  screenShareSeconds: number;
  emailsSent: number;
  emailsReceived: number;
  emailsRead: number;
  teamsOn: { web: boolean; windows: boolean; mac: boolean; ios: boolean; android: boolean };
  appsOn: { windows: boolean; mac: boolean; mobile: boolean; web: boolean };
  apps: { outlook: boolean; word: boolean; excel: boolean; powerPoint: boolean; oneNote: boolean; teams: boolean };
  oneDriveFilesViewedOrEdited: number;
  sharePointFilesViewedOrEdited: number;
};

export type Council = {
  tenantId: string;
  /** e.g. "Llanfair County Council" */
  displayName: string;
  /** e.g. "llanfair.gov.uk" */
  domain: string;
  /** e.g. "llanfair" (for llanfair.sharepoint.com) */
  sharePointHost: string;
  seed: number;
  /** YYYY-MM-DD. */
  today: string;
  directorates: Directorate[];
  users: Map<string, CouncilUser>;
  devices: Map<string, CouncilDevice>;
  sites: CouncilSite[];
  reportSettings: { displayConcealedNames: boolean };
  /** Monotonic change counter: every change stamps the changed object's `version` with the new value. */
  version: number;
  /** Users deleted from the directory: id → version at removal (for delta's @removed). */
  removedUsers: Map<string, number>;
  /** Devices retired from Intune: id → version at removal. */
  removedDevices: Map<string, number>;
  /** Teams apps installed per user: userId → set of Teams app ids. */
  installedApps: Map<string, Set<string>>;
};

/** What one call to advance the council changed. */
export type CouncilChanges = {
  days: number;
  joiners: string[];
  leavers: string[];
  movers: string[];
  devicesReplaced: { retired: string; enrolled: string }[];
  devicesSynced: number;
};
