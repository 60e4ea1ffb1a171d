import { ManagedIdentityApplication } from "@azure/msal-node";
import type { Config } from "../../core/config";
import type { StoreCredentials } from "../../core/store/openStore";

/** Entra's audience for a managed identity's token used as a federated client assertion. */
export const tokenExchangeResource = "api://AzureADTokenExchange";

/** The resource Azure Database for PostgreSQL accepts Entra tokens for. */
export const postgresResource = "https://ossrdbms-aad.database.windows.net";

/**
 * With DATABASE_AUTH=managed-identity, each new connection's password is an
 * Entra token for the app's managed identity (MSAL caches it and renews it
 * before it expires), so no database password exists anywhere.
 */
export function storeCredentials(store: Config["store"]): StoreCredentials {
  if (store.engine !== "postgres" || !store.managedIdentity) return {};
  return { password: managedIdentityToken(store.managedIdentity.clientId, postgresResource) };
}

/**
 * A token for a resource from the platform's managed identity (user-assigned
 * when its client id is given): MSAL finds App Service's or the VM's endpoint,
 * caches the token and renews it before it expires.
 */
export function managedIdentityToken(clientId: string | null, resource: string): () => Promise<string> {
  const identity = new ManagedIdentityApplication(
    clientId ? { managedIdentityIdParams: { userAssignedClientId: clientId } } : {},
  );
  return async () => (await identity.acquireToken({ resource })).accessToken;
}
