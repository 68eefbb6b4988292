import type { FetchLike } from "@/lib/connectors/ccxt/strict";

/**
 * A fetch that keeps the client's real URL (ccxt's per-market error tables look at it) and
 * sends the request to `<origin>/<real host><real path>`: how the fake venues are reached
 * (lib/connectors/contract/fake-http.ts), here for a server whose environment says so.
 */
export function redirectingFetch(origin: string): FetchLike {
  return (input, init) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    return fetch(`${origin}/${url.host}${url.pathname}${url.search}`, init);
  };
}
