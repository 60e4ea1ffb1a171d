import { isAppAudience as namesApp } from "../../appAudience";

/** Who the dev tenant is and which app it has registered. */
export type TenantIdentity = {
  tenantId: string;
  /** The registered app: client id for client credentials and the audience of tab tokens. */
  clientId: string;
  clientSecret: string;
  /** The app's service principal in this tenant: the `oid` of app-only tokens. */
  servicePrincipalId: string;
  /** e.g. https://localhost:8443 */
  baseUrl: string;
};

/** Microsoft Graph's resource, as tokens for it name it in `aud`. */
export const graphResource = "https://graph.microsoft.com";

/** Microsoft Graph's well-known app id, also accepted as a scope prefix. */
export const graphAppId = "00000003-0000-0000-c000-000000000000";

/** Application permissions the app has been granted admin consent for. */
export const appRoles = [
  "User.Read.All",
  "DeviceManagementManagedDevices.Read.All",
  "Reports.Read.All",
  "ReportSettings.Read.All",
  "Sites.Read.All",
  "TeamsAppInstallation.ReadWriteSelfForUser.All",
  "AppCatalog.Read.All",
] as const;

/** Delegated permissions a `.default` on-behalf-of request is granted (what the app registration lists). */
export const defaultDelegatedScopes = ["User.Read", "User.ReadBasic.All", "Sites.Read.All"] as const;

/** The issuer of v2 user tokens for the app (Entra's login.microsoftonline.com form, on the local host). */
export function v2Issuer(identity: TenantIdentity): string {
  return `${identity.baseUrl}/${identity.tenantId}/v2.0`;
}

/** The issuer Graph tokens carry: Entra issues v1 tokens for Graph, whatever endpoint asked. */
export function graphIssuer(identity: TenantIdentity): string {
  return `https://sts.windows.net/${identity.tenantId}/`;
}

/** The Application ID URI that tab SSO tokens are issued for by default. */
export function apiAudience(identity: TenantIdentity): string {
  return `api://localhost/${identity.clientId}`;
}

/** True when `aud` names the app: its client id or any `api://…/{clientId}` URI, as Teams SSO allows. */
export function isAppAudience(identity: TenantIdentity, aud: string): boolean {
  return namesApp(identity.clientId, aud);
}
