import type { CouncilUser } from "../council/types";
import { findUser, usersById } from "../directory";
import { type GraphRoute, signedInUser, usersRead } from "./graphRoute";
import { type GraphContext, GraphHttpError, type GraphRequest, ok } from "./graphTypes";
import { contextUrl, decodeToken, encodeToken, eqFilter, linkWith, onlyOptions, pageAfter, pageSize } from "./odata";
import { expandedManager, presentDirectoryObject, presentUser, userSelection } from "./userShape";

/** `/users`, a user, their manager and direct reports, and `/me` for delegated callers. */
export const userRoutes: GraphRoute[] = [
  { method: "GET", pattern: /^\/users$/, permission: usersRead, handle: listUsers },
  { method: "GET", pattern: /^\/me$/, permission: signedInUser, handle: (req, ctx) => getUser(req, ctx, [me(req)]) },
  { method: "GET", pattern: /^\/users\/([^/]+)$/, permission: usersRead, handle: getUser },
  { method: "GET", pattern: /^\/users\/([^/]+)\/manager$/, permission: usersRead, handle: getManager },
  { method: "GET", pattern: /^\/users\/([^/]+)\/directReports$/, permission: usersRead, handle: directReports },
];

function listUsers(req: GraphRequest, ctx: GraphContext) {
  onlyOptions(req, ["$select", "$top", "$filter", "$skiptoken", "$expand"]);
  const { fields, explicit } = userSelection(req);
  const manager = expandedManager(req);
  const top = pageSize(req, 100, 999);
  const clauses = eqFilter(req, { department: "string", accountEnabled: "boolean" });
  const after = skipAfter(req);
  const all = usersById(ctx.council);
  const matching =
    clauses.length === 0
      ? all
      : all.filter((user) =>
          clauses.every((c) =>
            c.field === "department" ? user.department === c.value : user.accountEnabled === c.value,
          ),
        );
  const { items, more } = pageAfter(matching, after, top);
  const last = items[items.length - 1];
  return ok({
    "@odata.context": contextUrl(ctx, req, explicit ? `users(${fields.join(",")})` : "users"),
    ...(more && last
      ? { "@odata.nextLink": linkWith(ctx, req, ["$skiptoken"], { $skiptoken: encodeToken({ after: last.id }) }) }
      : {}),
    value: items.map((user) => presentUser(ctx, user, fields, manager)),
  });
}

function getUser(req: GraphRequest, ctx: GraphContext, [idOrUpn]: string[]) {
  onlyOptions(req, ["$select", "$expand"]);
  const user = existingUser(ctx, idOrUpn);
  const { fields, explicit } = userSelection(req);
  return ok({
    "@odata.context": contextUrl(ctx, req, explicit ? `users(${fields.join(",")})/$entity` : "users/$entity"),
    ...presentUser(ctx, user, fields, expandedManager(req)),
  });
}

function getManager(req: GraphRequest, ctx: GraphContext, [idOrUpn]: string[]) {
  onlyOptions(req, ["$select"]);
  const user = existingUser(ctx, idOrUpn);
  const manager = user.managerId ? ctx.council.users.get(user.managerId) : undefined;
  if (!manager) {
    throw new GraphHttpError(
      404,
      "Request_ResourceNotFound",
      `Resource 'manager' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
  return ok({
    "@odata.context": contextUrl(ctx, req, "directoryObjects/$entity"),
    ...presentDirectoryObject(ctx, manager, userSelection(req).fields),
  });
}

function directReports(req: GraphRequest, ctx: GraphContext, [idOrUpn]: string[]) {
  onlyOptions(req, ["$select", "$top", "$skiptoken"]);
  const user = existingUser(ctx, idOrUpn);
  const { fields } = userSelection(req);
  const reports = usersById(ctx.council).filter((u) => u.managerId === user.id);
  const { items, more } = pageAfter(reports, skipAfter(req), pageSize(req, 100, 999));
  const last = items[items.length - 1];
  return ok({
    "@odata.context": contextUrl(ctx, req, "directoryObjects"),
    ...(more && last
      ? { "@odata.nextLink": linkWith(ctx, req, ["$skiptoken"], { $skiptoken: encodeToken({ after: last.id }) }) }
      : {}),
    value: items.map((u) => presentDirectoryObject(ctx, u, fields)),
  });
}

/** A user who exists, or Graph's 404 for a directory object. */
export function existingUser(ctx: GraphContext, idOrUpn: string | undefined): CouncilUser {
  const user = idOrUpn === undefined ? undefined : findUser(ctx.council, idOrUpn);
  if (!user) {
    throw new GraphHttpError(
      404,
      "Request_ResourceNotFound",
      `Resource '${idOrUpn ?? ""}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
  return user;
}

function me(req: GraphRequest): string {
  if (req.caller.kind !== "user") {
    throw new GraphHttpError(400, "BadRequest", "/me request is only valid with delegated authentication flow.");
  }
  return req.caller.userId;
}

function skipAfter(req: GraphRequest): string | undefined {
  const raw = req.query.get("$skiptoken");
  if (raw === null) return undefined;
  const { after } = decodeToken(raw, "skip token");
  if (typeof after !== "string") throw new GraphHttpError(400, "BadRequest", "The skip token is invalid.");
  return after;
}
