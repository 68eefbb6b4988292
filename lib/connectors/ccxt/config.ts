import { z } from "zod";
import { ConnectorError } from "@/lib/connectors/errors";
import { firstIssue } from "@/lib/connectors/settings";

/**
 * Connection settings and credentials shared by the exchange connectors. Settings are
 * non-secret and stored as plain JSON; credentials arrive AES-256-GCM sealed and are
 * opened (with `openCredentials` of the shared HTTP base) only inside a sync or a
 * connection test.
 */
const secretText = z.string().trim().min(1, "is required");

export const apiKeySecretSchema = z.object({ apiKey: secretText, secret: secretText });
export const apiKeySecretPassphraseSchema = apiKeySecretSchema.extend({ passphrase: secretText });

export type ApiKeySecret = z.infer<typeof apiKeySecretSchema>;
export type ApiKeySecretPassphrase = z.infer<typeof apiKeySecretPassphraseSchema>;

/**
 * How many days of orders and fills a connection's first sync reads (lib/sync/sync-window.ts;
 * later runs read from their cursors). The history reconstruction starts from what it read.
 */
export const initialHistoryDaysSchema = z.number().int().min(1).max(3650);
export const DEFAULT_INITIAL_HISTORY_DAYS = 7;

/**
 * Settings every exchange connection accepts. Other keys (the sync's
 * `initialHistoryDays`, say) pass through untouched.
 */
export const exchangeConfigFields = {
  /** A key that can trade or withdraw is refused unless this is set on the connection. */
  allowTradingKeys: z.boolean().default(false),
  /** Per-request timeout. */
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
  /** Extra symbols to read order and fill history for ("SOL/USDT", "BTC/USDT:USDT"). */
  knownSymbols: z.array(z.string().min(1)).max(500).default([]),
};

export function parseCredentials<T>(provider: string, schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ConnectorError({ kind: "invalid_request", provider, message: `credentials: ${firstIssue(parsed.error)}` });
  }
  return parsed.data;
}
