/**
 * One SharePoint team site per service, sized by how many people work in it;
 * most are busy, a few have gone quiet since the team moved to something else.
 */

import { dateOf, dateTimeOf } from "./dates";
import type { CouncilProfile } from "./profile";
import type { Random } from "./random";
import { pascalName } from "./structure";
import type { CouncilSite, Directorate } from "./types";

const GIGABYTE = 1024 ** 3;
const MEGABYTE = 1024 ** 2;
/** SharePoint's default site storage limit under pooled tenant storage. */
const POOLED_SITE_QUOTA = 25 * 1024 ** 4;
const FIXED_SITE_QUOTA = 1024 ** 4;
const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

export function buildSites(
  random: Random,
  profile: CouncilProfile,
  directorates: readonly Directorate[],
  headcountOf: (serviceId: string) => number,
  todayDay: number,
  tenantBornDay: number,
): CouncilSite[] {
  const host = `${profile.sharePointHost}.sharepoint.com`;
  return directorates.flatMap((directorate) =>
    directorate.services.map((service): CouncilSite => {
      const name = pascalName(service.name);
      const webUrl = `https://${host}/sites/${name}`;
      const headcount = headcountOf(service.id);
      const createdDay = random.int(tenantBornDay + 30, Math.max(tenantBornDay + 30, todayDay - 200));
      // Under fixed quotas a few old sites still carry the smaller limit they were created with.
      const total = profile.pooledStorage
        ? POOLED_SITE_QUOTA
        : random.chance(0.06)
          ? random.pick([100, 250, 500]) * GIGABYTE
          : FIXED_SITE_QUOTA;
      const usedGb = Math.min(800, Math.max(1, headcount * 0.8 * Math.exp(random.normal(0, 0.8))));
      const used = Math.min(total, Math.round(usedGb * GIGABYTE + random.int(0, GIGABYTE)));
      const fileCount = Math.max(1, Math.round(used / (random.between(1.5, 4) * MEGABYTE)));
      const dormant = random.chance(0.12);
      const neverVisited = dormant && random.chance(0.15);
      const lastActivityDay = dormant ? todayDay - random.int(90, 900) : todayDay - random.int(0, 10);
      const pageViewCount = dormant ? 0 : Math.round(headcount * random.between(1, 8)) + 1;
      return {
        id: `${host},${random.guid()},${random.guid()}`,
        name,
        displayName: service.name,
        webUrl,
        serviceId: service.id,
        ownerUserId: service.managerUserId,
        createdDateTime: dateTimeOf(createdDay, random.int(8 * 3600, 17 * 3600)),
        lastActivityDate: neverVisited ? null : dateOf(Math.max(createdDay, lastActivityDay)),
        fileCount,
        activeFileCount: dormant ? 0 : Math.round(fileCount * random.between(0.002, 0.03)),
        pageViewCount,
        visitedPageCount: dormant ? 0 : Math.max(1, Math.round(pageViewCount * random.between(0.2, 0.5))),
        drive: {
          id: `b!${random.chars(BASE64URL, 64)}`,
          name: "Documents",
          webUrl: `${webUrl}/Shared%20Documents`,
          quota: {
            total,
            used,
            remaining: total - used,
            deleted: Math.round(used * random.between(0, 0.05)),
            state: quotaState(used / total),
          },
          rootChildCount: random.int(3, 60),
        },
      };
    }),
  );
}

function quotaState(usedShare: number): CouncilSite["drive"]["quota"]["state"] {
  if (usedShare >= 1) return "exceeded";
  if (usedShare >= 0.95) return "critical";
  if (usedShare >= 0.85) return "nearing";
  return "normal";
}
