import type { Council, CouncilDevice, CouncilUser } from "./council/types";

/** A user who exists in the directory, by object id or by UPN (case-insensitive, as Entra matches). */
export function findUser(council: Council, idOrUpn: string): CouncilUser | undefined {
  const byId = council.users.get(idOrUpn);
  if (byId) return byId;
  const upn = idOrUpn.toLowerCase();
  for (const user of council.users.values()) {
    if (user.userPrincipalName.toLowerCase() === upn) return user;
  }
  return undefined;
}

/** Users sorted by id, the order Graph pages them in here: stable across pages and changes. */
export function usersById(council: Council): readonly CouncilUser[] {
  return sortedById(council.users, council.version);
}

/** Devices sorted by id, as usersById. */
export function devicesById(council: Council): readonly CouncilDevice[] {
  return sortedById(council.devices, council.version);
}

const sorted = new WeakMap<Map<string, unknown>, { version: number; size: number; items: readonly unknown[] }>();

/**
 * Sorting 50,000 devices for every page adds up, so the order is kept until
 * the council changes: every change bumps its version, and any addition or
 * removal changes the size too.
 */
function sortedById<T extends { id: string }>(map: Map<string, T>, version: number): readonly T[] {
  const cached = sorted.get(map);
  if (cached && cached.version === version && cached.size === map.size) return cached.items as readonly T[];
  const items = [...map.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  sorted.set(map, { version, size: map.size, items });
  return items;
}
