import type { Config } from "../core/config";
import { migrateToLatest } from "../core/store/migrate";
import { openStore, type Store } from "../core/store/openStore";
import { storeCredentials } from "../graph/auth/managedIdentity";

/**
 * The store a command opens itself when no server holds it: signed in as the
 * app would be, with every migration applied, and closed again if migrating fails.
 */
export async function openOwnStore(config: Config): Promise<Store> {
  const store = await openStore(config.store, storeCredentials(config.store));
  try {
    await migrateToLatest(store.db);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
