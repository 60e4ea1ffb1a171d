import type { Council, CouncilUser } from "../council/types";
import { type GraphContext, GraphHttpError, type GraphRequest } from "./graphTypes";
import { pick, selectedFields } from "./odata";

/** User properties the dev tenant serves (with `$select`). */
export const userFields = [
  "id",
  "displayName",
  "givenName",
  "surname",
  "userPrincipalName",
  "mail",
  "jobTitle",
  "department",
  "officeLocation",
  "employeeId",
  "accountEnabled",
  "createdDateTime",
  "employeeOrgData",
  "businessPhones",
  "mobilePhone",
  "preferredLanguage",
  "companyName",
] as const;

/**
 * What Graph v1.0 returns without `$select`: no department, no
 * accountEnabled, no employeeId. A sync that needs those must ask for them.
 */
export const defaultUserFields = [
  "businessPhones",
  "displayName",
  "givenName",
  "jobTitle",
  "mail",
  "mobilePhone",
  "officeLocation",
  "preferredLanguage",
  "surname",
  "userPrincipalName",
] as const;

/** A council user in Graph's `user` shape, every served property filled. */
export function graphUser(council: Council, user: CouncilUser): Record<string, unknown> {
  return {
    id: user.id,
    displayName: user.displayName,
    givenName: user.givenName,
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    mail: user.mail,
    jobTitle: user.jobTitle,
    department: user.department,
    officeLocation: user.officeLocation,
    employeeId: user.employeeId,
    accountEnabled: user.accountEnabled,
    createdDateTime: user.createdDateTime,
    employeeOrgData: { division: user.serviceName, costCenter: null },
    businessPhones: [],
    mobilePhone: null,
    preferredLanguage: "en-GB",
    companyName: council.displayName,
  };
}

/** The `$select` of a user request, or Graph's default set. */
export function userSelection(req: GraphRequest): { fields: readonly string[]; explicit: boolean } {
  const fields = selectedFields(req, userFields, "microsoft.graph.user");
  return fields ? { fields, explicit: true } : { fields: defaultUserFields, explicit: false };
}

/** A user as a list or single read presents it, with `manager` expanded when asked. */
export function presentUser(
  ctx: GraphContext,
  user: CouncilUser,
  fields: readonly string[],
  expandManager?: readonly string[],
): Record<string, unknown> {
  const shaped = pick(graphUser(ctx.council, user), fields);
  if (expandManager) {
    const manager = user.managerId ? ctx.council.users.get(user.managerId) : undefined;
    if (manager) {
      shaped.manager = {
        "@odata.type": "#microsoft.graph.user",
        ...pick(graphUser(ctx.council, manager), expandManager),
      };
    }
  }
  return shaped;
}

/** A user where Graph returns a directoryObject (manager, directReports): typed with @odata.type. */
export function presentDirectoryObject(ctx: GraphContext, user: CouncilUser, fields: readonly string[]) {
  return { "@odata.type": "#microsoft.graph.user", ...pick(graphUser(ctx.council, user), fields) };
}

/**
 * `$expand=manager` or `manager($select=id,displayName)`: the manager's
 * properties to show, or undefined when not asked. Other expansions are refused.
 */
export function expandedManager(req: GraphRequest): readonly string[] | undefined {
  const raw = req.query.get("$expand");
  if (raw === null) return undefined;
  const match = /^\s*manager\s*(?:\(\s*\$select\s*=\s*([^)]*)\))?\s*$/i.exec(raw);
  if (!match) {
    throw new GraphHttpError(
      400,
      "Request_BadRequest",
      `Expansion '${raw}' is not supported by the dev tenant (only manager).`,
    );
  }
  if (match[1] === undefined) return defaultUserFields;
  const byLower = new Map(userFields.map((f) => [f.toLowerCase(), f]));
  return match[1].split(",").map((f) => {
    const field = byLower.get(f.trim().toLowerCase());
    if (!field)
      throw new GraphHttpError(
        400,
        "BadRequest",
        `Could not find a property named '${f.trim()}' on type 'microsoft.graph.user'.`,
      );
    return field;
  });
}
