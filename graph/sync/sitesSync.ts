import type { Drive, DriveItem, Site } from "@microsoft/microsoft-graph-types";
import { markSitesNotSeen, upsertSites } from "../../core/sharepoint/siteRepository";
import { defaultLibrary, driveRootPath, siteDrivesPath, sitesUrl, toSharePointSite } from "../api/sites";
import { batchGet } from "../client/batch";
import { pages } from "../client/pages";
import type { SyncJob } from "./syncContext";
import { batchOptions } from "./syncContext";

/** SharePoint sites with their document library's quota and root folder size. */
export const sitesSync: SyncJob = {
  name: "sites",
  leaseMs: 15 * 60_000,
  async run(run) {
    const counts = { upserted: 0, removed: 0 };
    for await (const page of pages<Site>(run.client, run.claimed.resumeLink ?? sitesUrl)) {
      const sites = page.items;
      const drives = await batchGet(
        run.client,
        sites.map((s) => siteDrivesPath(s.id as string)),
        batchOptions(run),
      );
      const libraryOf = new Map<string, Drive | undefined>();
      for (const site of sites) {
        const result = drives.get(siteDrivesPath(site.id as string));
        libraryOf.set(
          site.id as string,
          result?.status === 200 ? defaultLibrary((result.body as { value: Drive[] }).value ?? []) : undefined,
        );
      }
      const driveIds = [...libraryOf.values()].flatMap((d) => (d?.id ? [d.id] : []));
      const roots = await batchGet(run.client, driveIds.map(driveRootPath), batchOptions(run));
      const mapped = sites.map((site) => {
        const library = libraryOf.get(site.id as string);
        const root = library?.id ? roots.get(driveRootPath(library.id)) : undefined;
        const childCount = root?.status === 200 ? ((root.body as DriveItem).folder?.childCount ?? null) : null;
        return toSharePointSite(site, library, childCount);
      });
      await upsertSites(run.db, mapped, run.claimed.run, new Date());
      counts.upserted += mapped.length;
      if (page.nextLink) await run.saveProgress(page.nextLink);
      run.progress("sites", counts.upserted);
    }
    counts.removed = await markSitesNotSeen(run.db, run.claimed.run, new Date());
    return { counts };
  },
};
