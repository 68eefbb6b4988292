import { createBinanceClient } from "@/lib/connectors/binance/client";
import { redirectingFetch } from "@/lib/connectors/http/redirect-fetch";
import { binanceBaseUrlOverride } from "@/lib/env/venue-override";
import { readEcbHistory } from "@/lib/prices/ecb-fx-history";
import { RECONSTRUCTABLE_PROVIDERS } from "./providers";
import type { HistorySources } from "./reconstruct-connection";

export class NoHistorySourceError extends Error {}

/**
 * Where a connection's past prices come from. Binance: its public spot candles on the live
 * venue, whatever the connection's environment (a testnet's candles are not a market), read
 * without the connection's keys (klines are public; no secret is needed or sent). The ECB
 * history for a fiat base. Other providers have no candle source wired yet (issue 18: OKX
 * candles, OKX Web3 kline, IBKR Flex marks, Groww candles): refused, saying so.
 */
export function historySourcesFor(provider: string): HistorySources {
  if (!RECONSTRUCTABLE_PROVIDERS.includes(provider)) throw new NoHistorySourceError(`History reconstruction reads past prices from Binance candles only; ${provider} connections are not supported yet`);
  const override = binanceBaseUrlOverride();
  const { exchange } = createBinanceClient({
    credentials: { apiKey: "", secret: "" },
    environment: "live",
    timeoutMs: 15_000,
    weightBudgetShare: 0.5,
    ...(override ? { fetchImplementation: redirectingFetch(override) } : {}),
  });
  return { candles: exchange, candleSource: "binance", candleQuote: "USDT", readEcb: (fromDate) => readEcbHistory({ fromDate }) };
}
