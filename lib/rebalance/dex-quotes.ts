import type { Db } from "@/db/client";
import { getConnection } from "@/db/queries/connections";
import { openCredentials } from "@/lib/connectors/http/credentials";
import { okxWeb3ConfigSchema, okxWeb3CredentialsSchema } from "@/lib/connectors/okx-web3";
import { type HttpOverrides, OkxWeb3Client } from "@/lib/connectors/okx-web3/client";
import { quoteSwapLegs, type SwapQuote } from "@/lib/connectors/okx-web3/dex-quote";
import { ConnectorError } from "@/lib/connectors/errors";
import { D, sum, toDecimalString } from "@/lib/money/decimal";
import type { RebalancePreview } from "./preview-schema";
import type { Leg } from "./venue-legs";

export interface QuoteDeps {
  credentialsKey?: Buffer;
  now?: () => Date;
  http?: HttpOverrides;
}

/**
 * Dry-run quotes for the plan's legs on OKX Web3 wallets, one connection at a time with its
 * own stored key. A connection whose key cannot be opened fails its legs with the reason;
 * nothing here throws for a venue's answer, so the page always renders.
 */
export async function quoteWalletLegs(db: Db, p: { ownerId: string; legs: Leg[] }, deps: QuoteDeps = {}): Promise<Map<string, SwapQuote>> {
  const out = new Map<string, SwapQuote>();
  const byConnection = new Map<string, Leg[]>();
  for (const l of p.legs) if (l.provider === "okx_web3") byConnection.set(l.connectionId, [...(byConnection.get(l.connectionId) ?? []), l]);
  for (const [connectionId, legs] of byConnection) {
    try {
      const conn = await getConnection(db, { ownerId: p.ownerId, connectionId });
      const credentials = openCredentials("okx_web3", okxWeb3CredentialsSchema, conn.credentialsEncrypted, deps.credentialsKey);
      const config = okxWeb3ConfigSchema.parse(conn.config);
      const client = new OkxWeb3Client({ baseUrl: config.baseUrl, credentials, now: deps.now ?? (() => new Date()), http: deps.http });
      const quotes = await quoteSwapLegs(
        client,
        legs.map((l) => ({ id: l.id, accountUid: l.accountUid, asset: l.asset, side: l.side, quantity: l.quantity })),
        { includeRiskTokens: config.includeRiskTokens },
      );
      for (const q of quotes) out.set(q.id, q);
    } catch (e) {
      const message = e instanceof ConnectorError ? e.message : "the wallet connection could not be opened for quotes";
      for (const l of legs) out.set(l.id, { id: l.id, status: "failed", message });
    }
  }
  return out;
}

/** The quotes' totals: value-weighted price impact, the value it costs, and the network fees. */
export function aggregateQuotes(quotes: SwapQuote[]): NonNullable<RebalancePreview["quotes"]> {
  const quoted = quotes.filter((q) => q.status === "quoted");
  const weighed = quoted.filter((q) => q.priceImpactPercent !== null && q.valueUsd !== null);
  const value = sum(weighed.map((q) => q.valueUsd!));
  const lost = sum(weighed.map((q) => new D(q.valueUsd!).times(new D(q.priceImpactPercent!).abs()).div(100)));
  return {
    quoted: quoted.length,
    failed: quotes.length - quoted.length,
    aggregatePriceImpactPercent: value.isZero() ? null : toDecimalString(lost.div(value).times(100)),
    expectedSlippageUsd: toDecimalString(lost),
    networkFeeUsd: toDecimalString(sum(quoted.map((q) => q.networkFeeUsd ?? "0"))),
  };
}
