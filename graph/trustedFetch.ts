import { Agent, fetch as undiciFetch } from "undici";

/** A fetch that trusts an extra CA, for the dev tenant's generated certificate; plain fetch otherwise. */
export type Fetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

/**
 * NODE_EXTRA_CA_CERTS is read only at process start, and the dev tenant makes
 * its certificate after that, so the trust travels with the requests instead.
 */
export function fetchTrusting(caPem: string | undefined): { fetch: Fetch; dispatcher?: Agent } {
  if (!caPem) return { fetch: globalThis.fetch };
  const dispatcher = new Agent({ connect: { ca: caPem }, connections: 16 });
  const fetch: Fetch = (input, init) =>
    undiciFetch(input, { ...(init as object), dispatcher }) as unknown as Promise<Response>;
  return { fetch, dispatcher };
}
