import { z } from "zod";
import { loadAccounts } from "../accounts";
import { listEnvelope } from "../envelope";
import { defineRoute } from "../route-def";
import { decimal, idParam, iso } from "../schemas";

/**
 * Current holdings as each venue reported them in the account's last successful sync, in
 * the venue's own units (no valuation: GET /api/v1/summary has the workspace's totals in its
 * base currency). The same documents the connection page reads.
 */
const accountQuery = z.strictObject({ account: idParam("account").optional() });

const accountRef = {
  accountId: z.uuid(),
  accountName: z.string(),
  connectionId: z.uuid(),
  connectionLabel: z.string(),
};

const holdingSchema = z.object({
  ...accountRef,
  /** When the sync that wrote these ran; null: no successful sync yet, and no balances. */
  updatedAt: iso.nullable(),
  balances: z.array(z.object({ asset: z.string(), wallet: z.string(), free: decimal, locked: decimal, total: decimal })),
});

const positionSchema = z.object({
  ...accountRef,
  updatedAt: iso,
  symbol: z.string(),
  underlying: z.string(),
  quoteCurrency: z.string(),
  settleCurrency: z.string(),
  instrumentType: z.string(),
  side: z.enum(["long", "short"]),
  quantity: decimal,
  entryPrice: decimal,
  markPrice: decimal,
  notional: decimal,
  unrealizedPnl: decimal,
  liquidationPrice: decimal.nullable(),
  leverage: decimal.nullable(),
  marginMode: z.enum(["cross", "isolated"]).nullable(),
});

export const listHoldings = defineRoute({
  method: "GET",
  path: "/api/v1/holdings",
  operationId: "listHoldings",
  tag: "Holdings",
  summary: "Current balances, one item per account",
  description: "`?account=` for one account (another workspace's: 404). One page: nextCursor is always null.",
  role: "viewer",
  query: accountQuery,
  response: { name: "HoldingList", schema: listEnvelope(holdingSchema) },
  handle: async ({ scope, query }) => ({
    data: (await loadAccounts(scope.db, { ownerId: scope.ownerId, accountId: query.account })).map((a) => ({
      accountId: a.id,
      accountName: a.name,
      connectionId: a.connectionId,
      connectionLabel: a.connectionLabel,
      updatedAt: a.holdingsAt?.toISOString() ?? null,
      balances: a.balances ?? [],
    })),
    nextCursor: null,
  }),
});

export const listPositions = defineRoute({
  method: "GET",
  path: "/api/v1/positions",
  operationId: "listPositions",
  tag: "Holdings",
  summary: "Open derivatives positions",
  description: "Every open position of every account, or of `?account=` (another workspace's: 404). One page: nextCursor is always null.",
  role: "viewer",
  query: accountQuery,
  response: { name: "PositionList", schema: listEnvelope(positionSchema) },
  handle: async ({ scope, query }) => ({
    data: (await loadAccounts(scope.db, { ownerId: scope.ownerId, accountId: query.account })).flatMap((a) =>
      (a.positions ?? []).map((p) => ({
        accountId: a.id,
        accountName: a.name,
        connectionId: a.connectionId,
        connectionLabel: a.connectionLabel,
        updatedAt: a.holdingsAt!.toISOString(),
        symbol: p.symbol,
        underlying: p.underlying,
        quoteCurrency: p.quote_currency,
        settleCurrency: p.settle_currency,
        instrumentType: p.instrument_type,
        side: p.side,
        quantity: p.quantity,
        entryPrice: p.entry_price,
        markPrice: p.mark_price,
        notional: p.notional,
        unrealizedPnl: p.unrealized_pnl,
        liquidationPrice: p.liquidation_price,
        leverage: p.leverage,
        marginMode: p.margin_mode,
      })),
    ),
    nextCursor: null,
  }),
});
