import type { Session } from "../auth/session";

/** An error the tab API answered with: `{ error: { code, message } }`, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type ApiClient = {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  /** Sets something in place (such as a target), answering what it now is. */
  put<T>(path: string, body: unknown): Promise<T>;
  remove<T>(path: string): Promise<T>;
  /** Fetches a file (such as a CSV export) with the token, for the browser to save. */
  blob(path: string): Promise<Blob>;
  session: Session;
};

export function createApiClient(session: Session): ApiClient {
  async function send(path: string, init: RequestInit = {}): Promise<Response> {
    const token = await session.token();
    let response: Response;
    try {
      response = await fetch(`/api/tab${path}`, {
        ...init,
        headers: { ...init.headers, Authorization: `Bearer ${token}` },
      });
    } catch (error) {
      throw new ApiError(0, "network", String(error));
    }
    if (response.ok) return response;
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(response.status, body?.error?.code ?? "unknown", body?.error?.message ?? response.statusText);
  }
  const withBody = async <T>(method: "POST" | "PUT", path: string, body: unknown) =>
    (await (
      await send(path, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })
    ).json()) as T;
  return {
    session,
    get: async <T>(path: string) => (await (await send(path)).json()) as T,
    post: <T>(path: string, body: unknown) => withBody<T>("POST", path, body),
    put: <T>(path: string, body: unknown) => withBody<T>("PUT", path, body),
    remove: async <T>(path: string) => (await (await send(path, { method: "DELETE" })).json()) as T,
    blob: async (path: string) => (await send(path)).blob(),
  };
}
