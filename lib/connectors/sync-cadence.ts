import { PROVIDERS, type ProviderId } from "@/lib/connectors/types";

/**
 * How each venue is synced in the background, and why.
 *
 * - Interval venues are polled: their state moves all day (crypto trades 24/7). Each
 *   connection carries its own `syncIntervalSeconds`, clamped to what the venue tolerates.
 * - Calendar venues publish on a clock of their own (a market close, an hourly NAV, a
 *   daily statement): polling them more often reads the same data and spends quota, so
 *   one cron schedule per venue syncs them (the `venue-syncs` rows of `definitions.ts`).
 */
export type Cadence = { kind: "interval"; minSeconds: number; maxSeconds: number } | { kind: "calendar" };

/** Crypto venues: every 1 to 5 minutes, as the connection asks (the column defaults to 300 s). */
const CRYPTO: Cadence = { kind: "interval", minSeconds: 60, maxSeconds: 300 };
/**
 * On-chain wallets: balances change only when the owner moves funds, and one wallet-API
 * quota covers every address we read, so every 10 minutes whatever the connection says.
 */
const WALLET: Cadence = { kind: "interval", minSeconds: 600, maxSeconds: 600 };
const CALENDAR: Cadence = { kind: "calendar" };

export function cadenceOf(provider: ProviderId): Cadence {
  switch (provider) {
    case "demo":
    case "binance":
    case "okx":
      return CRYPTO;
    case "okx_web3":
      return WALLET;
    case "groww":
    case "onetoken":
    case "ibkr":
      return CALENDAR;
    default: {
      const unhandled: never = provider;
      throw new Error(`no sync cadence for provider "${String(unhandled)}"`);
    }
  }
}

/** `connections.provider` is free text in the database; only known providers are scheduled. */
export function isProvider(provider: string): provider is ProviderId {
  return (PROVIDERS as readonly string[]).includes(provider);
}

/**
 * The effective interval: the connection's own, clamped to its venue's range. Null for
 * calendar venues and unknown providers, which the interval schedule never syncs.
 */
export function intervalSecondsOf(c: { provider: string; syncIntervalSeconds: number }): number | null {
  if (!isProvider(c.provider)) return null;
  const cadence = cadenceOf(c.provider);
  if (cadence.kind !== "interval") return null;
  return Math.min(cadence.maxSeconds, Math.max(cadence.minSeconds, c.syncIntervalSeconds));
}
