import { usageReports } from "../core/usage/usageSnapshot";
import { deviceHardwarePath, managedDevicesUrl } from "./api/devices";
import { driveRootPath, siteDrivesPath, sitesUrl } from "./api/sites";
import { managerPath, usersDeltaUrl } from "./api/users";

/**
 * Every Microsoft Graph route the app calls, and the one application
 * permission (app role, admin consent) it needs for it: the least privileged
 * that Microsoft's reference accepts for that call, or one already needed by
 * another route when that covers the call too.
 *
 * This is the single source for `aad.manifest.json`'s requiredResourceAccess
 * and for the "Permissions" section of docs/deployment.md; test/infra keeps
 * all three, the code's Graph paths and the dev tenant's grant in step.
 */

/** Microsoft Graph's application id: the `resourceAppId` of its permissions. */
export const microsoftGraphAppId = "00000003-0000-0000-c000-000000000000";

/**
 * Graph's id for each application permission the app uses (the `id` of the
 * app role on Graph's service principal, type "Role" in requiredResourceAccess).
 * Checked against Microsoft's Graph permissions reference.
 */
export const graphAppRoleIds = {
  "User.Read.All": "df021288-bdef-4463-88db-98f22de89214",
  "DeviceManagementManagedDevices.Read.All": "2f51be20-0bb4-4fed-bf7b-db946066c75e",
  "Reports.Read.All": "230c1aed-a721-4c5d-9cb4-a90514e508ef",
  "ReportSettings.Read.All": "ee353f83-55ef-4b78-82da-555bfa2b4b95",
  "Sites.Read.All": "332a536c-c7ef-4017-ab91-336970924f0d",
  "TeamsAppInstallation.ReadWriteSelfForUser.All": "908de74d-f8b2-4d6b-a9ed-2a17b3b78179",
  "AppCatalog.Read.All": "e12dae10-5a57-4817-b79d-dfbec5348930",
} as const;

export type GraphAppRole = keyof typeof graphAppRoleIds;

export type GraphRouteUse = {
  method: "GET" | "POST";
  /** The route as Graph's reference writes it, `{id}` for a value. */
  route: string;
  version: "v1.0" | "beta";
  /** One path the code really calls (from the function that builds it), for the checks. */
  example: string;
  /** Where the code calls it. */
  calledFrom: string;
  permission: GraphAppRole;
  /** Why the app calls it and why this permission, in words for a tenant admin. */
  why: string;
};

const sampleId = "00000000-0000-0000-0000-000000000001";

export const graphRouteUses: readonly GraphRouteUse[] = [
  {
    method: "GET",
    route: "/users/delta",
    version: "v1.0",
    example: usersDeltaUrl,
    calledFrom: "graph/api/users.ts usersDeltaUrl (graph/sync/usersSync.ts)",
    permission: "User.Read.All",
    why: "Syncs staff (name, job, department, sign-in name, enabled) for device requests, approvals, dashboards by directorate and the tabs' roles. User.Read.All is the least privileged application permission for a users delta.",
  },
  {
    method: "GET",
    route: "/users/{id}/manager",
    version: "v1.0",
    example: managerPath(sampleId),
    calledFrom: "graph/api/users.ts managerPath (graph/sync/usersSync.ts, in $batch)",
    permission: "User.Read.All",
    why: "Finds each person's line manager, who approves their device requests. Covered by User.Read.All, already needed.",
  },
  {
    method: "GET",
    route: "/deviceManagement/managedDevices",
    version: "v1.0",
    example: managedDevicesUrl,
    calledFrom: "graph/api/devices.ts managedDevicesUrl (graph/sync/devicesSync.ts)",
    permission: "DeviceManagementManagedDevices.Read.All",
    why: "Reads Intune's device list (model, OS, enrolment, last check-in, compliance) to classify devices for refresh. Read-only; the app never changes a device.",
  },
  {
    method: "GET",
    route: "/deviceManagement/managedDevices/{id}",
    version: "beta",
    example: deviceHardwarePath(sampleId),
    calledFrom: "graph/api/devices.ts deviceHardwarePath (graph/sync/devicesSync.ts, in a /beta $batch)",
    permission: "DeviceManagementManagedDevices.Read.All",
    why: "Reads one device's hardwareInformation (TPM version, BIOS, battery) for Windows 11 readiness; only /beta's single-device read has it. Same permission.",
  },
  {
    method: "GET",
    route: "/sites",
    version: "v1.0",
    example: sitesUrl,
    calledFrom: "graph/api/sites.ts sitesUrl (graph/sync/sitesSync.ts)",
    permission: "Sites.Read.All",
    why: "Lists SharePoint sites, the targets of the file-share migration. Sites.Read.All is the least privileged application permission that can search all sites (Sites.Selected cannot list).",
  },
  {
    method: "GET",
    route: "/sites/{id}/drives",
    version: "v1.0",
    example: siteDrivesPath(sampleId),
    calledFrom: "graph/api/sites.ts siteDrivesPath (graph/sync/sitesSync.ts, in $batch)",
    permission: "Sites.Read.All",
    why: "Reads each site's document libraries and their used bytes to verify migrations. Files.Read.All would also do, but Sites.Read.All is already needed and covers it.",
  },
  {
    method: "GET",
    route: "/drives/{id}/root",
    version: "v1.0",
    example: driveRootPath(sampleId),
    calledFrom: "graph/api/sites.ts driveRootPath (graph/sync/sitesSync.ts, in $batch)",
    permission: "Sites.Read.All",
    why: "Counts the items at a library's root to verify migrations. Covered by Sites.Read.All.",
  },
  {
    method: "GET",
    route: "/admin/reportSettings",
    version: "v1.0",
    example: "/admin/reportSettings",
    calledFrom: "graph/api/reports.ts readsConcealedNames (graph/sync/reportsSync.ts)",
    permission: "ReportSettings.Read.All",
    why: "Reads whether usage reports conceal user names, so the dashboards say so instead of showing hashes. Read only: the app never changes the setting.",
  },
  ...usageReports.map(
    (report): GraphRouteUse => ({
      method: "GET",
      route: `/reports/${report}(date={date})`,
      version: "v1.0",
      example: `/reports/${report}(date=2026-01-05)`,
      calledFrom: "graph/api/reports.ts fetchUsageReportDay (graph/sync/reportsSync.ts)",
      permission: "Reports.Read.All",
      why: "Keeps a daily copy of Microsoft 365 usage (Teams, OneDrive, SharePoint, email, apps) for adoption and migration figures. Reports.Read.All is the only application permission for usage reports.",
    }),
  ),
  {
    method: "GET",
    route: "/appCatalogs/teamsApps",
    version: "v1.0",
    example: "/appCatalogs/teamsApps?$filter=externalId eq 'x'&$select=id,externalId",
    calledFrom: "graph/api/teamsApps.ts catalogAppId (bot/outbox/recipients.ts)",
    permission: "AppCatalog.Read.All",
    why: "Finds ICT Hub's own id in the organisation's app catalogue, needed to install it for someone. Read only.",
  },
  {
    method: "POST",
    route: "/users/{id}/teamwork/installedApps",
    version: "v1.0",
    example: `/users/${sampleId}/teamwork/installedApps`,
    calledFrom: "graph/api/teamsApps.ts installForUser (bot/outbox/recipients.ts)",
    permission: "TeamsAppInstallation.ReadWriteSelfForUser.All",
    why: "Installs ICT Hub (only itself) for a person the bot must message who has never opened it, such as an approver or a pulse's audience; Teams lets a bot message only people who have it. The 'Self' permission cannot install or remove any other app.",
  },
];

/** The application permissions the app needs, each once, in the table's order. */
export const requiredGraphAppRoles: readonly GraphAppRole[] = [...new Set(graphRouteUses.map((r) => r.permission))];
