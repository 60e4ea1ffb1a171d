import type { RequestHandler, Response } from "express";
import { sql } from "kysely";
import type { Db } from "../../core/store/database";
import { sendError } from "./tabErrors";
import { TokenRejected, type TokenValidator } from "./tokenValidator";

export const tabRoles = ["staff", "manager", "ict"] as const;
export type TabRole = (typeof tabRoles)[number];

/** The Entra app role that makes someone ICT in the tabs. */
export const ictAppRole = "ICTHub.ICT";

/** The signed-in person a tab API request is for. */
export type Caller = { id: string; name: string; userPrincipalName: string | null; roles: readonly TabRole[] };

export type TabAuthDeps = {
  db: Db;
  validate: TokenValidator;
  /** ICT_STAFF: sign-in names given the ICT role. */
  ictStaff: readonly string[];
};

/** The caller set by `authenticate`. */
export const callerOf = (res: Response): Caller => res.locals.caller as Caller;

/**
 * Validates the bearer token and works out the caller's roles from the synced
 * directory, the token's app roles and ICT_STAFF. Answers 401 otherwise. The
 * token itself is never logged.
 */
export function authenticate(deps: TabAuthDeps): RequestHandler {
  const ictStaff = new Set(deps.ictStaff.map((upn) => upn.toLowerCase()));
  return async (req, res, next) => {
    const token = /^Bearer ([\w.~+/-]+=*)$/i.exec(req.headers.authorization ?? "")?.[1];
    if (!token) {
      sendError(res, "unauthenticated", "Sign in: the request carries no bearer token");
      return;
    }
    let claims: Awaited<ReturnType<TokenValidator>>;
    try {
      claims = await deps.validate(token);
    } catch (error) {
      if (!(error instanceof TokenRejected)) throw error;
      req.log.warn({ reason: error.reason }, `tab API token refused: ${error.message}`);
      if (error.reason === "unavailable")
        sendError(res, "unavailable", "Sign-in cannot be checked just now; try again");
      else sendError(res, "unauthenticated", `Sign in again: ${error.message.toLowerCase()}`);
      return;
    }
    const person = await deps.db
      .selectFrom("directory_user as u")
      .select([
        "u.display_name",
        "u.user_principal_name",
        sql<boolean>`exists (select 1 from directory_user r where r.manager_id = u.id and r.removed_at is null)`.as(
          "has_reports",
        ),
      ])
      .where("u.id", "=", claims.oid)
      .where("u.removed_at", "is", null)
      .executeTakeFirst();
    const upn = person?.user_principal_name ?? claims.userPrincipalName;
    const roles: TabRole[] = [];
    if (person) roles.push("staff");
    if (person?.has_reports) roles.push("manager");
    if (claims.appRoles.includes(ictAppRole) || (upn !== null && ictStaff.has(upn.toLowerCase()))) roles.push("ict");
    const caller: Caller = {
      id: claims.oid,
      name: person?.display_name ?? claims.name ?? upn ?? "",
      userPrincipalName: upn,
      roles,
    };
    res.locals.caller = caller;
    next();
  };
}

/** Lets the request on when the caller holds one of the roles; 403 otherwise. */
export function requireRole(...allowed: TabRole[]): RequestHandler {
  return (_req, res, next) => {
    if (callerOf(res).roles.some((role) => allowed.includes(role))) {
      next();
      return;
    }
    sendError(res, "forbidden", `This needs the ${allowed.join(" or ")} role`);
  };
}
