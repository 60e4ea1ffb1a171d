import type { Drive, Site } from "@microsoft/microsoft-graph-types";
import type { SharePointSite } from "../../core/sharepoint/sharePointSite";

/** Every site the app can see. */
export const sitesUrl = "/sites?search=*&$select=id,name,displayName,webUrl,createdDateTime";

export const siteDrivesPath = (siteId: string) => `/sites/${encodeURIComponent(siteId)}/drives`;

export const driveRootPath = (driveId: string) => `/drives/${encodeURIComponent(driveId)}/root`;

/** A site with its default document library ("Documents") and that library's root folder. */
export function toSharePointSite(site: Site, drive: Drive | undefined, rootChildCount: number | null): SharePointSite {
  const quota = drive?.quota;
  return {
    id: site.id as string,
    name: site.name ?? null,
    displayName: site.displayName ?? null,
    webUrl: site.webUrl ?? "",
    createdAt: site.createdDateTime ? new Date(site.createdDateTime) : null,
    driveId: drive?.id ?? null,
    quota: quota
      ? {
          totalBytes: quota.total ?? 0,
          usedBytes: quota.used ?? 0,
          remainingBytes: quota.remaining ?? 0,
          deletedBytes: quota.deleted ?? 0,
          state: quota.state ?? "normal",
        }
      : null,
    rootChildCount,
  };
}

/** Graph lists a site's libraries; the default one is called "Documents". */
export const defaultLibrary = (drives: Drive[]) => drives.find((d) => d.name === "Documents") ?? drives[0];
