import { type ApiClient, ApiError } from "../../../api/apiClient";

/**
 * A PUT or DELETE to the tab API with the signed-in token: the client has
 * only GET and POST, and targets and champions are set and removed in place.
 */
export async function sendChange<T>(
  api: ApiClient,
  method: "PUT" | "DELETE",
  path: string,
  body?: unknown,
): Promise<T> {
  const token = await api.session.token();
  let response: Response;
  try {
    response = await fetch(`/api/tab${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new ApiError(0, "network", String(error));
  }
  if (!response.ok) {
    const answer = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(
      response.status,
      answer?.error?.code ?? "unknown",
      answer?.error?.message ?? response.statusText,
    );
  }
  return (await response.json()) as T;
}
