/**
 * Per-minute request-weight limits per IP (exchangeInfo rateLimits; sapi per its docs), and
 * the per-account (UID) sapi limit that withdrawal history is counted against (18 000 a
 * call, 180 000 a minute, by Binance's wallet docs). In
 * a file of their own so the connections page can show "weight used of the limit" without
 * loading the client (and ccxt).
 */
export const BINANCE_WEIGHT_LIMITS: Record<string, number> = { spot: 6000, sapi: 12000, sapi_uid: 180000, usdm: 2400, coinm: 2400 };
