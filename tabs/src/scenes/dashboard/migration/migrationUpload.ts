import { type ApiClient, ApiError } from "../../../api/apiClient";
import type { ImportAnswer } from "../../../api/migrationTypes";

/**
 * Sends one report file (CSV or a Migration Manager zip) to the import route
 * as the raw body, as the route streams it; the client's `post` sends JSON only.
 */
export async function uploadReport(api: ApiClient, file: File): Promise<ImportAnswer> {
  const token = await api.session.token();
  let response: Response;
  try {
    response = await fetch(`/api/tab/ict/migration/import?${new URLSearchParams({ name: file.name })}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/octet-stream" },
      body: file,
    });
  } catch (error) {
    throw new ApiError(0, "network", String(error));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(response.status, body?.error?.code ?? "unknown", body?.error?.message ?? response.statusText);
  }
  return (await response.json()) as ImportAnswer;
}
