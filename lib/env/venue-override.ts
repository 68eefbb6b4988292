import { z } from "zod";

/**
 * VENUE_BASE_URL_BINANCE: for end-to-end tests only. When set, every Binance request the
 * server makes goes to this origin instead (as `<origin>/<binance host><path>`, the shape
 * the fake venues of lib/connectors/contract answer), so `next start` under Playwright can
 * reach the fake Binance the test started. It is read from the server's environment only,
 * never from a request or a stored setting: nobody using the app can point a connection at
 * an address of their choosing with it. Unset in production.
 *
 * Read on every use, not cached with the rest of the environment: a test starts its fake
 * (and learns its port) after the process has read its environment.
 */
const origin = z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin);

export function binanceBaseUrlOverride(): string | undefined {
  const raw = process.env.VENUE_BASE_URL_BINANCE;
  if (!raw) return undefined;
  const parsed = origin.safeParse(raw);
  if (!parsed.success) throw new Error("Invalid environment: VENUE_BASE_URL_BINANCE must be an http(s) URL");
  return parsed.data;
}
