import { z } from "zod";
import { apiKeySecretPassphraseSchema, exchangeConfigFields } from "@/lib/connectors/ccxt/config";

/**
 * OKX connection settings. `demo` is OKX demo trading: the same host with the header
 * `x-simulated-trading: 1`, and keys created under Demo Trading.
 */
export const okxConfigSchema = z.looseObject({
  environment: z.enum(["live", "demo"]).default("live"),
  ...exchangeConfigFields,
});

export type OkxConfig = z.output<typeof okxConfigSchema>;
export type OkxEnvironment = OkxConfig["environment"];

export const okxCredentialsSchema = apiKeySecretPassphraseSchema;
export type OkxCredentials = z.infer<typeof okxCredentialsSchema>;
