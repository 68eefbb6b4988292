import { z } from "zod";
import { OKX_WEB3_ASSUMPTIONS } from "./assumptions";

/** A key created in the OKX Web3 Developer Portal. */
export const okxWeb3CredentialsSchema = z.object({
  apiKey: z.string().trim().min(1),
  secretKey: z.string().trim().min(1),
  passphrase: z.string().min(1),
  /** The Developer Portal project id, sent as OK-ACCESS-PROJECT. */
  projectId: z.string().trim().min(1).optional(),
});
export type OkxWeb3Credentials = z.infer<typeof okxWeb3CredentialsSchema>;

export const okxWeb3WalletSchema = z.object({
  address: z.string().trim().min(20).max(100),
  /** OKX chain indexes ("1" Ethereum, "56" BNB Chain, "501" Solana, …). */
  chains: z.array(z.string().regex(/^\d+$/)).min(1),
  label: z.string().trim().min(1).max(80).optional(),
});

export const okxWeb3ConfigSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).default(OKX_WEB3_ASSUMPTIONS.baseUrl),
  wallets: z.array(okxWeb3WalletSchema).min(1),
  /** Keep tokens OKX flags as risky (airdrop spam, honeypots). Off by default. */
  includeRiskTokens: z.boolean().default(false),
});
export type OkxWeb3Config = z.infer<typeof okxWeb3ConfigSchema>;
