import type { User } from "@microsoft/microsoft-graph-types";
import type { DirectoryUserPatch } from "../../core/directory/directoryUser";

const userFields = [
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
  "employeeOrgData",
].join(",");

/** The first page of a full users delta: every user, ending with a delta link. */
export const usersDeltaUrl = `/users/delta?$select=${userFields}`;

/** A user's manager (404 when they have none). */
export const managerPath = (userId: string) => `/users/${encodeURIComponent(userId)}/manager?$select=id`;

/** A delta item is either a user or a removal notice. */
export type UserDeltaItem = User & { "@removed"?: { reason: string } };

export const isRemoval = (item: UserDeltaItem) => item["@removed"] !== undefined;

/** Graph property → what core calls it, for the properties the app selects. */
const fieldOf = {
  userPrincipalName: "userPrincipalName",
  displayName: "displayName",
  givenName: "givenName",
  surname: "surname",
  mail: "mail",
  jobTitle: "jobTitle",
  department: "department",
  officeLocation: "officeLocation",
  employeeId: "employeeId",
} as const;

/** Only the properties the item carries: an absent one must not overwrite what the store has. */
export function toDirectoryUserPatch(u: User): DirectoryUserPatch {
  const patch: DirectoryUserPatch = { id: u.id as string };
  const item = u as Record<string, unknown>;
  for (const [graphName, field] of Object.entries(fieldOf)) {
    if (graphName in item) (patch as Record<string, unknown>)[field] = item[graphName] ?? null;
  }
  if ("employeeOrgData" in item) patch.division = u.employeeOrgData?.division ?? null;
  if ("accountEnabled" in item && typeof u.accountEnabled === "boolean") patch.accountEnabled = u.accountEnabled;
  return patch;
}
