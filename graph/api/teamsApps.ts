import type { Client } from "@microsoft/microsoft-graph-client";

/** The org catalogue's id for the app whose manifest id is given (it differs from the manifest id). */
export async function catalogAppId(client: Client, manifestId: string): Promise<string | null> {
  const page = (await client
    .api("/appCatalogs/teamsApps")
    .filter(`externalId eq '${manifestId.replaceAll("'", "''")}'`)
    .select("id,externalId")
    .get()) as { value?: { id: string }[] };
  return page.value?.[0]?.id ?? null;
}

export type InstallOutcome = "installed" | "already-installed" | "no-teams" | "app-blocked";

/**
 * Installs the app in a person's personal scope so the bot may message them.
 * Graph answers 409 when it is already there, 404 for someone with no Teams,
 * 403 when an app permission policy blocks it; other errors are thrown (429
 * and 5xx are retried by the client's middleware first).
 */
export async function installForUser(client: Client, userId: string, catalogId: string): Promise<InstallOutcome> {
  try {
    await client
      .api(`/users/${encodeURIComponent(userId)}/teamwork/installedApps`)
      .post({ "teamsApp@odata.bind": `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${catalogId}` });
    return "installed";
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 409) return "already-installed";
    if (status === 404) return "no-teams";
    if (status === 403) return "app-blocked";
    throw error;
  }
}
