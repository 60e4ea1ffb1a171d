import type { GraphContext, GraphRequest, GraphResponse } from "./graphTypes";

/** Permissions that let a caller use a route: any one application role, or any one delegated scope. */
export type Permission = { app: readonly string[]; delegated: readonly string[] };

/** One Graph route, served under both /v1.0 and /beta: a method, a path pattern after the version, and who may call it. */
export type GraphRoute = {
  method: "GET" | "POST";
  /** Matched against the decoded path after the version; capture groups become `params`. */
  pattern: RegExp;
  permission: Permission;
  handle(req: GraphRequest, ctx: GraphContext, params: string[]): GraphResponse | Promise<GraphResponse>;
};

export const usersRead: Permission = {
  app: ["User.Read.All", "User.ReadWrite.All", "Directory.Read.All"],
  delegated: ["User.ReadBasic.All", "User.Read.All", "Directory.Read.All"],
};
export const devicesRead: Permission = {
  app: ["DeviceManagementManagedDevices.Read.All", "DeviceManagementManagedDevices.ReadWrite.All"],
  delegated: ["DeviceManagementManagedDevices.Read.All"],
};
export const reportsRead: Permission = { app: ["Reports.Read.All"], delegated: ["Reports.Read.All"] };
export const reportSettingsRead: Permission = {
  app: ["ReportSettings.Read.All", "ReportSettings.ReadWrite.All"],
  delegated: ["ReportSettings.Read.All"],
};
export const sitesRead: Permission = {
  app: ["Sites.Read.All", "Sites.ReadWrite.All"],
  delegated: ["Sites.Read.All", "Sites.ReadWrite.All"],
};
export const teamsAppsForUser: Permission = {
  app: ["TeamsAppInstallation.ReadWriteSelfForUser.All", "TeamsAppInstallation.ReadWriteForUser.All"],
  delegated: ["TeamsAppInstallation.ReadWriteForUser"],
};
export const appCatalogRead: Permission = {
  app: ["AppCatalog.Read.All", "AppCatalog.ReadWrite.All"],
  delegated: ["AppCatalog.Read.All"],
};
/** `/me`: any signed-in user may read their own profile; an app gets through to be told /me needs a user. */
export const signedInUser: Permission = {
  app: usersRead.app,
  delegated: ["User.Read", "User.ReadBasic.All", "User.Read.All"],
};
