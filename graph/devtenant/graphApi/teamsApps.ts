import { createHash } from "node:crypto";
import { appCatalogRead, type GraphRoute, teamsAppsForUser } from "./graphRoute";
import { type GraphContext, GraphHttpError, type GraphRequest, ok } from "./graphTypes";
import { contextUrl, eqFilter, onlyOptions } from "./odata";
import { existingUser } from "./users";

/**
 * The org catalogue, which answers for any app id as if the council had
 * uploaded it, with a catalogue id of its own as Teams gives one.
 */
export const appCatalogRoutes: GraphRoute[] = [
  { method: "GET", pattern: /^\/appCatalogs\/teamsApps$/, permission: appCatalogRead, handle: listCatalog },
];

/** The catalogue id Teams would give an uploaded app: stable per manifest id, and not equal to it. */
export const catalogIdFor = (externalId: string) => {
  const hex = createHash("sha256").update(`catalog:${externalId}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

function listCatalog(req: GraphRequest, ctx: GraphContext) {
  onlyOptions(req, ["$filter", "$select"]);
  const clauses = eqFilter(req, { externalId: "string" });
  const externalId = clauses.find((c) => c.field === "externalId")?.value;
  if (typeof externalId !== "string") {
    throw new GraphHttpError(
      400,
      "BadRequest",
      "The dev tenant's catalogue answers only $filter=externalId eq '{id}'.",
    );
  }
  return ok({
    "@odata.context": contextUrl(ctx, req, "appCatalogs/teamsApps"),
    value: [{ id: catalogIdFor(externalId), externalId, displayName: "ICT Hub", distributionMethod: "organization" }],
  });
}

/**
 * Apps installed in a user's personal scope: list (with the `teamsApp/id`
 * filter that answers "is it installed?") and install, which refuses a second
 * install with 409 as Graph does. Any app id counts as in the org catalogue.
 */
export const teamsAppRoutes: GraphRoute[] = [
  {
    method: "GET",
    pattern: /^\/users\/([^/]+)\/teamwork\/installedApps$/,
    permission: teamsAppsForUser,
    handle: listInstalled,
  },
  {
    method: "POST",
    pattern: /^\/users\/([^/]+)\/teamwork\/installedApps$/,
    permission: teamsAppsForUser,
    handle: install,
  },
];

function listInstalled(req: GraphRequest, ctx: GraphContext, [idOrUpn]: string[]) {
  onlyOptions(req, ["$expand", "$filter"]);
  const user = existingUser(ctx, idOrUpn);
  const expand = new Set(
    (req.query.get("$expand") ?? "")
      .split(",")
      .map((e) => e.trim())
      .filter((e) => e !== ""),
  );
  for (const name of expand) {
    if (name !== "teamsApp" && name !== "teamsAppDefinition") {
      throw new GraphHttpError(400, "BadRequest", `Expansion '${name}' is not supported by the dev tenant.`);
    }
  }
  const clauses = eqFilter(req, { "teamsApp/id": "string" });
  const appIds = [...(ctx.council.installedApps.get(user.id) ?? [])].filter((appId) =>
    clauses.every((c) => c.value === appId),
  );
  return ok({
    "@odata.context": contextUrl(ctx, req, `users('${user.id}')/teamwork/installedApps`),
    value: appIds.map((appId) => ({
      id: Buffer.from(`${user.id}##${appId}`).toString("base64"),
      ...(expand.has("teamsApp")
        ? { teamsApp: { id: appId, externalId: null, displayName: null, distributionMethod: "organization" } }
        : {}),
      ...(expand.has("teamsAppDefinition")
        ? {
            teamsAppDefinition: {
              id: Buffer.from(`${appId}##1.0.0##Published`).toString("base64"),
              teamsAppId: appId,
              displayName: null,
              version: "1.0.0",
            },
          }
        : {}),
    })),
  });
}

function install(req: GraphRequest, ctx: GraphContext, [idOrUpn]: string[]) {
  onlyOptions(req, []);
  const user = existingUser(ctx, idOrUpn);
  const bind = (req.body as Record<string, unknown> | undefined)?.["teamsApp@odata.bind"];
  const appId = typeof bind === "string" ? /\/appCatalogs\/teamsApps\/([^/?#]+)$/.exec(bind)?.[1] : undefined;
  if (!appId) {
    throw new GraphHttpError(
      400,
      "BadRequest",
      'The body must bind teamsApp: {"teamsApp@odata.bind": "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{id}"}.',
    );
  }
  // As in Teams: someone with no licence, or a disabled account, has no Teams to add an app to.
  if (!user.isLicensed || !user.accountEnabled) {
    throw new GraphHttpError(404, "NotFound", "The user has no Microsoft Teams.");
  }
  const installed = ctx.council.installedApps.get(user.id) ?? new Set<string>();
  if (installed.has(appId)) {
    throw new GraphHttpError(409, "Conflict", "The app is already installed for this user.");
  }
  installed.add(appId);
  ctx.council.installedApps.set(user.id, installed);
  return { status: 201 };
}
