import { type GraphContext, GraphHttpError, type GraphRequest } from "./graphTypes";

/**
 * Refuses `$` query options a route does not implement, so that a client
 * relying on one finds out here rather than from wrong data in production.
 */
export function onlyOptions(req: GraphRequest, allowed: readonly string[]): void {
  for (const name of req.query.keys()) {
    if (name.startsWith("$") && !allowed.includes(name.toLowerCase())) {
      throw new GraphHttpError(
        400,
        "BadRequest",
        `Query option '${name}' is not supported on this route by the dev tenant (supported: ${allowed.join(", ") || "none"}).`,
      );
    }
  }
}

/** The properties named in `$select`, in the resource's own spelling; undefined when absent. */
export function selectedFields(req: GraphRequest, known: readonly string[], type: string): string[] | undefined {
  const raw = req.query.get("$select");
  if (raw === null) return undefined;
  const byLower = new Map(known.map((k) => [k.toLowerCase(), k]));
  const fields = raw
    .split(",")
    .map((f) => f.trim())
    .filter((f) => f !== "");
  return fields.map((f) => {
    const canonical = byLower.get(f.toLowerCase());
    if (!canonical) {
      throw new GraphHttpError(400, "BadRequest", `Could not find a property named '${f}' on type '${type}'.`);
    }
    return canonical;
  });
}

/** The page size from `$top`, within Graph's bounds for the resource. */
export function pageSize(req: GraphRequest, defaultSize: number, max: number): number {
  const raw = req.query.get("$top");
  if (raw === null) return defaultSize;
  const top = Number(raw);
  if (!Number.isInteger(top) || top < 1 || top > max) {
    throw new GraphHttpError(
      400,
      "Request_BadRequest",
      `Invalid page size specified: '${raw}'. Must be between 1 and ${max} inclusive.`,
    );
  }
  return top;
}

/** Copies the named properties, in the order asked, from a full Graph object; `id` always comes first. */
export function pick(full: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { id: full.id };
  for (const field of fields) out[field] = full[field];
  return out;
}

/** An opaque paging or delta token: clients must pass it back untouched. */
export function encodeToken(state: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(state)).toString("base64url");
}

/** Reads a token made by encodeToken; anything else is refused as Graph refuses a bad skip token. */
export function decodeToken(raw: string, name: string): Record<string, unknown> {
  try {
    const state: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (state && typeof state === "object" && !Array.isArray(state)) return state as Record<string, unknown>;
  } catch {
    // Falls through to the refusal below.
  }
  throw new GraphHttpError(400, "BadRequest", `The ${name} is invalid or was not issued by this service.`);
}

/** The same request's URL with one option replaced: how nextLink and deltaLink are built. */
export function linkWith(
  ctx: GraphContext,
  req: GraphRequest,
  drop: readonly string[],
  add: Record<string, string>,
): string {
  const query = new URLSearchParams();
  for (const [name, value] of req.query) if (!drop.includes(name)) query.append(name, value);
  for (const [name, value] of Object.entries(add)) query.set(name, value);
  const path = req.path
    .split("/")
    .map((segment) => encodeURIComponent(segment).replaceAll("%40", "@").replaceAll("%24", "$"))
    .join("/");
  return `${ctx.baseUrl}/${req.version}${path}?${query.toString().replaceAll("%24", "$").replaceAll("%2C", ",")}`;
}

/** `@odata.context` for a resource path such as `users` or `users/$entity`. */
export function contextUrl(ctx: GraphContext, req: GraphRequest, resource: string): string {
  return `${ctx.baseUrl}/${req.version}/$metadata#${resource}`;
}

/** One page of items that are sorted by id, continuing after `after`. */
export function pageAfter<T extends { id: string }>(sorted: readonly T[], after: string | undefined, size: number) {
  let start = 0;
  if (after !== undefined) {
    // Binary search: the list can be thousands long and is read once per page.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as T).id <= after) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const items = sorted.slice(start, start + size);
  return { items, more: start + size < sorted.length };
}

/** A `field eq value` clause of `$filter`. */
export type EqClause = { field: string; value: string | boolean };

/**
 * Parses `$filter` limited to `field eq value` clauses joined by `and`, the
 * subset the app uses; anything else is refused with Request_UnsupportedQuery.
 */
export function eqFilter(req: GraphRequest, fields: Record<string, "string" | "boolean">): EqClause[] {
  const raw = req.query.get("$filter");
  if (raw === null) return [];
  const unsupported = () =>
    new GraphHttpError(
      400,
      "Request_UnsupportedQuery",
      `Unsupported or invalid query filter clause specified: '${raw}'.`,
    );
  const clauses: EqClause[] = [];
  for (const part of splitOnAnd(raw)) {
    const match = /^\s*([A-Za-z]+(?:\/[A-Za-z]+)?)\s+eq\s+(.+?)\s*$/.exec(part);
    const field = match && Object.keys(fields).find((f) => f.toLowerCase() === match[1]?.toLowerCase());
    if (!match || !field) throw unsupported();
    const literal = match[2] as string;
    if (fields[field] === "boolean") {
      if (literal !== "true" && literal !== "false") throw unsupported();
      clauses.push({ field, value: literal === "true" });
    } else {
      const quoted = /^'((?:[^']|'')*)'$/.exec(literal);
      if (!quoted) throw unsupported();
      clauses.push({ field, value: (quoted[1] as string).replaceAll("''", "'") });
    }
  }
  return clauses;
}

/** Splits on ` and ` outside quoted strings. */
function splitOnAnd(filter: string): string[] {
  const parts: string[] = [];
  let inQuote = false;
  let start = 0;
  for (let i = 0; i < filter.length; i++) {
    if (filter[i] === "'") inQuote = !inQuote;
    else if (!inQuote && /^\sand\s/i.test(filter.slice(i, i + 5))) {
      parts.push(filter.slice(start, i));
      start = i + 5;
      i += 4;
    }
  }
  parts.push(filter.slice(start));
  return parts;
}
