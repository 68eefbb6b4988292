import { z } from "zod";

/**
 * VENUE_BASE_URL_BINANCE and VENUE_BASE_URL_ONETOKEN: for end-to-end tests only. When set,
 * every request the server makes to that venue goes to this origin instead, so `next start`
 * under Playwright can reach the fake venue the test started:
 * - Binance: as `<origin>/<binance host><path>`, the shape the fake venues of
 *   lib/connectors/contract answer;
 * - 1Token: the connection's tenant address keeps its path (`/api/v1`) on this origin (the
 *   tenant is the person's own, but the add-connection form takes only 1Token's domains).
 * It is read from the server's environment only, never from a request or a stored setting:
 * nobody using the app can point a connection at an address of their choosing with it.
 * Unset in production.
 *
 * Read on every use, not cached with the rest of the environment: a test starts its fake
 * (and learns its port) after the process has read its environment.
 */
const origin = z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin);

function overrideOrigin(name: "VENUE_BASE_URL_BINANCE" | "VENUE_BASE_URL_ONETOKEN"): string | undefined {
  const raw = process.env[name];
  if (!raw) return undefined;
  const parsed = origin.safeParse(raw);
  if (!parsed.success) throw new Error(`Invalid environment: ${name} must be an http(s) URL`);
  return parsed.data;
}

export function binanceBaseUrlOverride(): string | undefined {
  return overrideOrigin("VENUE_BASE_URL_BINANCE");
}

/** A 1Token tenant address moved to the override's origin, its path kept; the address itself when unset. */
export function oneTokenBaseUrl(configured: string): string {
  const override = overrideOrigin("VENUE_BASE_URL_ONETOKEN");
  if (!override) return configured;
  const url = new URL(configured);
  return `${override}${url.pathname.replace(/\/$/, "")}`;
}
