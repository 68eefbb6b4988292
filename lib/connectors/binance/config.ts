import { z } from "zod";
import { apiKeySecretSchema, exchangeConfigFields } from "@/lib/connectors/ccxt/config";

/**
 * Binance connection settings. `testnet` is the Spot Test Network and the futures
 * testnet; `demo` is Binance's demo-trading mode (demo-api / demo-fapi / demo-dapi). Neither
 * has the /sapi wallet endpoints, so the funding wallet and the key-restrictions call
 * exist only on `live`.
 */
export const binanceConfigSchema = z.looseObject({
  environment: z.enum(["live", "testnet", "demo"]).default("live"),
  ...exchangeConfigFields,
  /** Share of Binance's per-minute request-weight limit a sync may use. */
  weightBudgetShare: z.number().gt(0).max(1).default(0.5),
});

export type BinanceConfig = z.output<typeof binanceConfigSchema>;
export type BinanceEnvironment = BinanceConfig["environment"];

export const binanceCredentialsSchema = apiKeySecretSchema;
export type BinanceCredentials = z.infer<typeof binanceCredentialsSchema>;
