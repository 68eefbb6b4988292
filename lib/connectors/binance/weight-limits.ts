/**
 * Per-minute request-weight limits per IP (exchangeInfo rateLimits; sapi per its docs). In
 * a file of their own so the connections page can show "weight used of the limit" without
 * loading the client (and ccxt).
 */
export const BINANCE_WEIGHT_LIMITS: Record<string, number> = { spot: 6000, sapi: 12000, usdm: 2400, coinm: 2400 };
