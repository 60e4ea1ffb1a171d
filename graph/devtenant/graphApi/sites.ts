import type { CouncilSite } from "../council/types";
import { type GraphRoute, sitesRead } from "./graphRoute";
import { type GraphContext, GraphHttpError, type GraphRequest, ok } from "./graphTypes";
import {
  contextUrl,
  decodeToken,
  encodeToken,
  linkWith,
  onlyOptions,
  pageAfter,
  pageSize,
  pick,
  selectedFields,
} from "./odata";

/** SharePoint sites, their document libraries (with quota) and each library's root folder. */
export const siteRoutes: GraphRoute[] = [
  { method: "GET", pattern: /^\/sites$/, permission: sitesRead, handle: listSites },
  { method: "GET", pattern: /^\/sites\/([^/:]+):\/sites\/([^/:]+):?$/, permission: sitesRead, handle: siteByPath },
  {
    method: "GET",
    pattern: /^\/sites\/([^/:]+):\/sites\/([^/:]+):\/drives$/,
    permission: sitesRead,
    handle: drivesByPath,
  },
  { method: "GET", pattern: /^\/sites\/([^/:]+)$/, permission: sitesRead, handle: getSite },
  { method: "GET", pattern: /^\/sites\/([^/:]+)\/drives$/, permission: sitesRead, handle: siteDrives },
  { method: "GET", pattern: /^\/sites\/([^/:]+)\/drive$/, permission: sitesRead, handle: siteDrive },
  { method: "GET", pattern: /^\/drives\/([^/:]+)$/, permission: sitesRead, handle: getDrive },
  { method: "GET", pattern: /^\/drives\/([^/:]+)\/root$/, permission: sitesRead, handle: driveRoot },
  { method: "GET", pattern: /^\/drives\/([^/:]+)\/root:\/(.+?):?$/, permission: sitesRead, handle: drivePath },
];

const siteFields = [
  "id",
  "name",
  "displayName",
  "webUrl",
  "createdDateTime",
  "lastModifiedDateTime",
  "description",
  "siteCollection",
];

/** `GET /sites?search=…`: `*` lists every site; other text matches names. */
function listSites(req: GraphRequest, ctx: GraphContext) {
  onlyOptions(req, ["$select", "$top", "$skiptoken"]);
  const search = (req.query.get("search") ?? "*").trim().toLowerCase();
  const fields = selectedFields(req, siteFields, "microsoft.graph.site") ?? siteFields;
  const matching = ctx.council.sites
    .filter(
      (s) => search === "*" || s.name.toLowerCase().includes(search) || s.displayName.toLowerCase().includes(search),
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const raw = req.query.get("$skiptoken");
  const after = raw === null ? undefined : String(decodeToken(raw, "skip token").after);
  const { items, more } = pageAfter(matching, after, pageSize(req, 200, 999));
  const last = items[items.length - 1];
  return ok({
    "@odata.context": contextUrl(ctx, req, "sites"),
    ...(more && last
      ? { "@odata.nextLink": linkWith(ctx, req, ["$skiptoken"], { $skiptoken: encodeToken({ after: last.id }) }) }
      : {}),
    value: items.map((s) => pick(graphSite(ctx, s), fields)),
  });
}

function getSite(req: GraphRequest, ctx: GraphContext, [id]: string[]) {
  onlyOptions(req, ["$select"]);
  return presentSite(req, ctx, siteById(ctx, id));
}

function siteByPath(req: GraphRequest, ctx: GraphContext, [host, name]: string[]) {
  onlyOptions(req, ["$select"]);
  return presentSite(req, ctx, siteAt(ctx, host, name));
}

function drivesByPath(req: GraphRequest, ctx: GraphContext, [host, name]: string[]) {
  return presentDrives(req, ctx, siteAt(ctx, host, name));
}

function siteDrives(req: GraphRequest, ctx: GraphContext, [id]: string[]) {
  return presentDrives(req, ctx, siteById(ctx, id));
}

function siteDrive(req: GraphRequest, ctx: GraphContext, [id]: string[]) {
  onlyOptions(req, []);
  return ok({ "@odata.context": contextUrl(ctx, req, "drives/$entity"), ...graphDrive(siteById(ctx, id)) });
}

function getDrive(req: GraphRequest, ctx: GraphContext, [id]: string[]) {
  onlyOptions(req, []);
  return ok({ "@odata.context": contextUrl(ctx, req, "drives/$entity"), ...graphDrive(siteByDrive(ctx, id)) });
}

/** The library's root folder: `folder.childCount` counts direct children only, `size` is bytes used. */
function driveRoot(req: GraphRequest, ctx: GraphContext, [driveId]: string[]) {
  onlyOptions(req, []);
  const site = siteByDrive(ctx, driveId);
  return ok({
    "@odata.context": contextUrl(ctx, req, `drives('${site.drive.id}')/root/$entity`),
    id: "01ROOTFOLDER0000000000000000000000",
    name: "root",
    webUrl: site.drive.webUrl,
    createdDateTime: site.createdDateTime,
    lastModifiedDateTime: site.lastActivityDate ? `${site.lastActivityDate}T00:00:00Z` : site.createdDateTime,
    size: site.drive.quota.used,
    parentReference: { driveId: site.drive.id, driveType: "documentLibrary" },
    folder: { childCount: site.drive.rootChildCount },
    root: {},
  });
}

/** Folders below the root are not generated: every path is missing, as an empty library's would be. */
function drivePath(req: GraphRequest, ctx: GraphContext, [driveId]: string[]): never {
  onlyOptions(req, []);
  siteByDrive(ctx, driveId);
  throw new GraphHttpError(404, "itemNotFound", "The resource could not be found.");
}

function presentSite(req: GraphRequest, ctx: GraphContext, site: CouncilSite) {
  const fields = selectedFields(req, siteFields, "microsoft.graph.site") ?? siteFields;
  return ok({ "@odata.context": contextUrl(ctx, req, "sites/$entity"), ...pick(graphSite(ctx, site), fields) });
}

function presentDrives(req: GraphRequest, ctx: GraphContext, site: CouncilSite) {
  onlyOptions(req, []);
  return ok({ "@odata.context": contextUrl(ctx, req, "drives"), value: [graphDrive(site)] });
}

function graphSite(ctx: GraphContext, site: CouncilSite): Record<string, unknown> {
  return {
    id: site.id,
    name: site.name,
    displayName: site.displayName,
    webUrl: site.webUrl,
    createdDateTime: site.createdDateTime,
    lastModifiedDateTime: site.lastActivityDate ? `${site.lastActivityDate}T00:00:00Z` : site.createdDateTime,
    description: "",
    siteCollection: { hostname: hostOf(ctx) },
  };
}

function graphDrive(site: CouncilSite) {
  return {
    id: site.drive.id,
    name: site.drive.name,
    description: "",
    driveType: "documentLibrary",
    webUrl: site.drive.webUrl,
    createdDateTime: site.createdDateTime,
    lastModifiedDateTime: site.lastActivityDate ? `${site.lastActivityDate}T00:00:00Z` : site.createdDateTime,
    quota: { ...site.drive.quota },
  };
}

function hostOf(ctx: GraphContext): string {
  return `${ctx.council.sharePointHost}.sharepoint.com`;
}

function siteById(ctx: GraphContext, id: string | undefined): CouncilSite {
  const site = ctx.council.sites.find((s) => s.id.toLowerCase() === id?.toLowerCase());
  if (!site) throw new GraphHttpError(404, "itemNotFound", "Requested site could not be found");
  return site;
}

function siteAt(ctx: GraphContext, host: string | undefined, name: string | undefined): CouncilSite {
  const site =
    host?.toLowerCase() === hostOf(ctx).toLowerCase()
      ? ctx.council.sites.find((s) => s.name.toLowerCase() === name?.toLowerCase())
      : undefined;
  if (!site) throw new GraphHttpError(404, "itemNotFound", "Requested site could not be found");
  return site;
}

function siteByDrive(ctx: GraphContext, driveId: string | undefined): CouncilSite {
  const site = ctx.council.sites.find((s) => s.drive.id === driveId);
  if (!site) throw new GraphHttpError(404, "itemNotFound", "The resource could not be found.");
  return site;
}
