import { usersById } from "../directory";
import { type GraphRoute, usersRead } from "./graphRoute";
import { type GraphContext, GraphHttpError, type GraphRequest, ok } from "./graphTypes";
import { contextUrl, decodeToken, encodeToken, linkWith, onlyOptions, pageAfter } from "./odata";
import { defaultUserFields, presentUser, userFields } from "./userShape";

const deltaPageSize = 100;

/**
 * `GET /users/delta`: a full round pages through every user and ends with a
 * deltaLink; a later round returns only users changed since, and an
 * `@removed` entry for each user deleted since. Changed users come whole
 * (Graph may send only the changed properties: merge, never replace).
 */
export const usersDeltaRoute: GraphRoute = {
  method: "GET",
  pattern: /^\/users\/delta(?:\(\))?$/,
  permission: usersRead,
  handle: usersDelta,
};

type DeltaItem = { id: string; removed: boolean };

function usersDelta(req: GraphRequest, ctx: GraphContext) {
  onlyOptions(req, ["$select", "$deltatoken", "$skiptoken"]);
  const { council } = ctx;
  const { fields, withManager } = deltaSelection(req);
  const round = roundOf(req, ctx);
  const context = contextUrl(ctx, req, `users(${fields.join(",")})`);
  if (round === "latest") {
    return ok({ "@odata.context": context, "@odata.deltaLink": deltaLink(ctx, req, council.version), value: [] });
  }

  const items: DeltaItem[] = usersById(council)
    .filter((u) => round.since === null || u.version > round.since)
    .map((u) => ({ id: u.id, removed: false }));
  if (round.since !== null) {
    const since = round.since;
    for (const [id, version] of council.removedUsers) if (version > since) items.push({ id, removed: true });
    items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  const page = pageAfter(items, round.after, deltaPageSize);
  const value = page.items.map((item) => {
    const user = item.removed ? undefined : council.users.get(item.id);
    if (!user) return { id: item.id, "@removed": { reason: "changed" } };
    const shaped = presentUser(ctx, user, fields);
    if (withManager && user.managerId) {
      shaped["manager@delta"] = [{ "@odata.type": "#microsoft.graph.user", id: user.managerId }];
    }
    return shaped;
  });
  const last = page.items[page.items.length - 1];
  const link =
    page.more && last
      ? {
          "@odata.nextLink": linkWith(ctx, req, ["$skiptoken", "$deltatoken"], {
            $skiptoken: encodeToken({ t: council.tenantId, since: round.since, upTo: round.upTo, after: last.id }),
          }),
        }
      : { "@odata.deltaLink": deltaLink(ctx, req, round.upTo) };
  return ok({ "@odata.context": context, ...link, value });
}

type Round = { since: number | null; upTo: number; after: string | undefined };

/** Where this call stands: a fresh round, a later page of one, or a round after a delta token. */
function roundOf(req: GraphRequest, ctx: GraphContext): Round | "latest" {
  const { council } = ctx;
  const skip = req.query.get("$skiptoken");
  const delta = req.query.get("$deltatoken");
  if (skip !== null) {
    const state = ownState(decodeToken(skip, "skip token"), ctx);
    const since = state.since;
    if (
      (since !== null && typeof since !== "number") ||
      typeof state.upTo !== "number" ||
      typeof state.after !== "string"
    ) {
      throw new GraphHttpError(400, "BadRequest", "The skip token is invalid.");
    }
    return { since, upTo: state.upTo, after: state.after };
  }
  if (delta === "latest") return "latest";
  if (delta !== null) {
    const { v } = ownState(decodeToken(delta, "delta token"), ctx);
    if (typeof v !== "number") throw new GraphHttpError(400, "BadRequest", "The delta token is invalid.");
    if (v > council.version) throw syncStateNotFound();
    return { since: v, upTo: council.version, after: undefined };
  }
  return { since: null, upTo: council.version, after: undefined };
}

/** A token from another tenant (a dev tenant restarted with another seed) cannot be resumed. */
function ownState(state: Record<string, unknown>, ctx: GraphContext): Record<string, unknown> {
  if (state.t !== ctx.council.tenantId) throw syncStateNotFound();
  return state;
}

function syncStateNotFound() {
  return new GraphHttpError(
    410,
    "SyncStateNotFound",
    "The sync state is no longer valid: restart the sync without a token.",
  );
}

function deltaLink(ctx: GraphContext, req: GraphRequest, version: number): string {
  return linkWith(ctx, req, ["$skiptoken", "$deltatoken"], {
    $deltatoken: encodeToken({ t: ctx.council.tenantId, v: version }),
  });
}

/** `$select` for delta, where `manager` asks for `manager@delta` (the manager's id). */
function deltaSelection(req: GraphRequest): { fields: readonly string[]; withManager: boolean } {
  const raw = req.query.get("$select");
  if (raw === null) return { fields: defaultUserFields, withManager: false };
  const byLower = new Map(userFields.map((f) => [f.toLowerCase(), f]));
  let withManager = false;
  const fields: string[] = [];
  for (const name of raw.split(",").map((f) => f.trim())) {
    if (name === "") continue;
    if (name.toLowerCase() === "manager") {
      withManager = true;
      continue;
    }
    const field = byLower.get(name.toLowerCase());
    if (!field)
      throw new GraphHttpError(
        400,
        "BadRequest",
        `Could not find a property named '${name}' on type 'microsoft.graph.user'.`,
      );
    fields.push(field);
  }
  return { fields, withManager };
}
