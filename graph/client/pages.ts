import type { Client } from "@microsoft/microsoft-graph-client";

/** One page of a Graph collection, with where to go next. */
export type GraphPage<T> = {
  items: T[];
  /** The next page, absent on the last page. */
  nextLink?: string;
  /** On the last page of a delta query: the link that later returns only changes. */
  deltaLink?: string;
};

type Collection<T> = { value?: T[]; "@odata.nextLink"?: string; "@odata.deltaLink"?: string };

/**
 * Walks a collection page by page from a first URL (or a saved next link, to
 * resume). While the caller stores one page the next is already on its way,
 * so the store's time hides behind Graph's; at most two pages are in memory.
 */
export async function* pages<T>(client: Client, firstUrl: string): AsyncGenerator<GraphPage<T>> {
  const get = (url: string) => {
    const request = client.api(url).get() as Promise<Collection<T>>;
    // A prefetched page the caller never asks for (it failed first) must not become an unhandled rejection.
    request.catch(() => {});
    return request;
  };
  let next: Promise<Collection<T>> | undefined = get(firstUrl);
  while (next) {
    const body: Collection<T> = await next;
    const page: GraphPage<T> = { items: body.value ?? [] };
    if (body["@odata.nextLink"]) page.nextLink = body["@odata.nextLink"];
    if (body["@odata.deltaLink"]) page.deltaLink = body["@odata.deltaLink"];
    next = page.nextLink ? get(page.nextLink) : undefined;
    yield page;
  }
}
