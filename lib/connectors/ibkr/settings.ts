import { z } from "zod";
import { IBKR_ASSUMPTIONS } from "./assumptions";

/** The Flex Web Service token is the only secret; the gateway holds its own browser session. */
export const ibkrCredentialsSchema = z.object({ flexToken: z.string().trim().min(8) });
export type IbkrCredentials = z.infer<typeof ibkrCredentialsSchema>;

export const ibkrConfigSchema = z.object({
  /** The Activity Flex Query (positions, trades, cash report, NAV in base) to run. */
  flexQueryId: z.string().trim().regex(/^\d+$/, { message: "must be the numeric Flex Query ID" }),
  flexBaseUrl: z.url({ protocol: /^https?$/ }).default(IBKR_ASSUMPTIONS.flexBaseUrl),
  flexTimeZone: z.string().min(1).default(IBKR_ASSUMPTIONS.flexTimeZone),
  pollIntervalMs: z.number().int().min(0).max(60_000).default(5_000),
  maxPolls: z.number().int().min(1).max(60).default(12),
  /** Client Portal gateway, "https://localhost:5000/v1/api": intraday positions, cash and orders. */
  gatewayUrl: z.url({ protocol: /^https?$/ }).optional(),
});
export type IbkrConfig = z.infer<typeof ibkrConfigSchema>;
