/**
 * The currencies a workspace may report in: those the price book can reach from what the
 * reference sources publish, so a venue that quotes only in USDT or INR can still be
 * valued. Not Intl's full list (about 160 codes): most of those have no quote from any
 * source here, and choosing one would leave every holding unpriced.
 *
 * - USD: the reference sources quote everything in it.
 * - Fiat: the currencies in the ECB's daily reference rates (lib/prices/ecb-fx-source.ts),
 *   which bridge USD to each of them (BGN left out: Bulgaria joined the euro in 2026).
 * - Crypto: the stablecoins and coins people keep books in, priced by OKX's USD index
 *   (lib/prices/okx-index-source.ts) and quoted directly by most venues.
 */
export const FIAT_BASE_CURRENCIES = [
  "USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "NZD", "SGD", "HKD", "CNY", "INR", "KRW",
  "SEK", "NOK", "DKK", "ISK", "PLN", "CZK", "HUF", "RON", "TRY", "ILS", "ZAR", "MXN", "BRL",
  "IDR", "MYR", "PHP", "THB",
] as const;

export const CRYPTO_BASE_CURRENCIES = ["USDT", "USDC", "BTC", "ETH"] as const;

export const BASE_CURRENCIES = [...FIAT_BASE_CURRENCIES, ...CRYPTO_BASE_CURRENCIES] as const;
export type BaseCurrency = (typeof BASE_CURRENCIES)[number];

const CRYPTO_NAMES: Record<(typeof CRYPTO_BASE_CURRENCIES)[number], string> = {
  USDT: "Tether (stablecoin)",
  USDC: "USD Coin (stablecoin)",
  BTC: "Bitcoin",
  ETH: "Ether",
};

const fiatNames = new Intl.DisplayNames("en", { type: "currency" });

/** "EUR — Euro", "USDT — Tether (stablecoin)". */
export function baseCurrencyLabel(code: BaseCurrency): string {
  const name = (CRYPTO_NAMES as Record<string, string>)[code] ?? fiatNames.of(code) ?? code;
  return `${code} — ${name}`;
}
