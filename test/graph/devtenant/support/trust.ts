import { request } from "node:https";
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from "@azure/msal-node";
import { Agent } from "undici";
import { httpsAgentTrusting } from "../../../../graph/devtenant/tls";

/**
 * MSAL's transport over node:https with the dev tenant's CA: NODE_EXTRA_CA_CERTS
 * is read only at process start, so the trust has to travel with the requests.
 */
export function msalNetworkClient(caPem: string): INetworkModule {
  const agent = httpsAgentTrusting(caPem);
  const send = <T>(method: "GET" | "POST", url: string, options?: NetworkRequestOptions) =>
    new Promise<NetworkResponse<T>>((resolve, reject) => {
      const req = request(url, { method, agent, headers: options?.headers ?? {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) if (typeof value === "string") headers[name] = value;
          resolve({
            status: res.statusCode ?? 0,
            headers,
            body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as T,
          });
        });
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(options?.body);
    });
  return {
    sendGetRequestAsync: (url, options) => send("GET", url, options),
    sendPostRequestAsync: (url, options) => send("POST", url, options),
  };
}

/** A fetch that trusts the dev tenant: Node 20's global fetch takes an undici `dispatcher`. */
export function trustingFetch(caPem: string) {
  const dispatcher = new Agent({ connect: { ca: caPem } });
  const fetchTrusting = (url: string, init: RequestInit = {}) => fetch(url, { ...init, dispatcher } as RequestInit);
  return { fetch: fetchTrusting, dispatcher, close: () => dispatcher.close() };
}
