import { deviceRoutes } from "./devices";
import type { GraphRoute } from "./graphRoute";
import type { ReportDownloads } from "./reports/reportDownloads";
import { reportRoutes } from "./reports/reportRoutes";
import type { ReportThrottle } from "./reports/reportThrottle";
import { siteRoutes } from "./sites";
import { appCatalogRoutes, teamsAppRoutes } from "./teamsApps";
import { userRoutes } from "./users";
import { usersDeltaRoute } from "./usersDelta";

/** Every Graph route the dev tenant serves; earlier patterns win (delta before /users/{id}). */
export function graphRoutes(deps: { downloads: ReportDownloads; throttle: ReportThrottle }): GraphRoute[] {
  return [
    usersDeltaRoute,
    ...userRoutes,
    ...teamsAppRoutes,
    ...appCatalogRoutes,
    ...deviceRoutes,
    ...siteRoutes,
    ...reportRoutes(deps),
  ];
}
