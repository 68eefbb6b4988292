import type { z } from "zod";
import { D, toDecimalString } from "@/lib/money/decimal";
import { ConnectorError } from "../../errors";
import type { Balance, Fill, NavPoint, Position, Quote, VenueAccount } from "../../types";
import { instrumentTypeOf, isHoldingCategory, strategyOfOrderReference } from "../assumptions";
import { parseFlexDate, parseFlexDateTime } from "../time";
import { findAll, type XmlElement } from "@/lib/xml/parse";
import {
  accountInformationSchema,
  cashTransactionSchema,
  type CashTransactionRow,
  cashReportSchema,
  type CashReportRow,
  conversionRateSchema,
  type ConversionRateRow,
  equitySummarySchema,
  type EquitySummaryRow,
  flexStatementSchema,
  openPositionSchema,
  type OpenPositionRow,
  tradeSchema,
  type TradeRow,
} from "./schemas";

/** A Flex statement read into checked rows, then mapped to domain items (pure). */
export interface FlexAccountStatement {
  accountId: string;
  /** The account's base currency, when the statement says. */
  baseCurrency?: string;
  alias?: string;
  equity: EquitySummaryRow[];
  cash: CashReportRow[];
  positions: OpenPositionRow[];
  trades: TradeRow[];
  rates: ConversionRateRow[];
  cashTransactions: CashTransactionRow[];
}

export function readStatement(root: XmlElement): FlexAccountStatement[] {
  if (root.name !== "FlexQueryResponse") throw bad(`expected <FlexQueryResponse>, got <${root.name}>`);
  return findAll(root, "FlexStatement").map((stmt) => {
    const { accountId } = rows([stmt], flexStatementSchema, "FlexStatement")[0]!;
    const info = rows(findAll(stmt, "AccountInformation"), accountInformationSchema, "AccountInformation")[0];
    const equity = rows(findAll(stmt, "EquitySummaryByReportDateInBase"), equitySummarySchema, "EquitySummaryByReportDateInBase");
    return {
      accountId,
      baseCurrency: info?.currency ?? equity.find((e) => e.currency)?.currency,
      alias: info?.acctAlias ?? info?.name,
      equity,
      cash: rows(findAll(stmt, "CashReportCurrency"), cashReportSchema, "CashReportCurrency"),
      positions: rows(findAll(stmt, "OpenPosition"), openPositionSchema, "OpenPosition").filter(
        (p) => !p.levelOfDetail || p.levelOfDetail.toUpperCase() === "SUMMARY",
      ),
      // <Trade> rows only at execution level; <Order>/<Lot> elements summarise the same executions.
      trades: rows(findAll(stmt, "Trade"), tradeSchema, "Trade").filter((t) => !t.levelOfDetail || t.levelOfDetail.toUpperCase() === "EXECUTION"),
      rates: rows(findAll(stmt, "ConversionRate"), conversionRateSchema, "ConversionRate"),
      // Detail rows only: a SUMMARY row restates them.
      cashTransactions: rows(findAll(stmt, "CashTransaction"), cashTransactionSchema, "CashTransaction").filter(
        (c) => !c.levelOfDetail || c.levelOfDetail.toUpperCase() === "DETAIL",
      ),
    };
  });
}

export function flexAccounts(statements: FlexAccountStatement[]): VenueAccount[] {
  return statements.map((s) => ({ accountUid: s.accountId, name: s.accountId, alias: s.alias, venue: "ibkr", kind: "broker" }));
}

/** Cash per currency, and shares / fund units as balances of their symbol (negative when short). */
export function flexBalances(statements: FlexAccountStatement[]): Balance[] {
  return statements.flatMap((s) => [
    ...s.cash
      .filter((c) => c.currency !== "BASE_SUMMARY" && (!c.levelOfDetail || c.levelOfDetail.toLowerCase() === "currency"))
      .map((c) => balance(s.accountId, c.currency, c.endingCash)),
    ...s.positions.filter((p) => isHoldingCategory(p.assetCategory)).map((p) => balance(s.accountId, compact(p.symbol), p.position)),
  ]);
}

/** Options, futures and the like; sizes in units of the underlying (contracts × multiplier). */
export function flexPositions(statements: FlexAccountStatement[]): Position[] {
  return statements.flatMap((s) =>
    s.positions
      .filter((p) => !isHoldingCategory(p.assetCategory) && p.assetCategory !== "CASH" && !new D(p.position).isZero())
      .map((p) => {
        const qty = new D(p.position).times(p.multiplier ?? "1");
        const notional = p.positionValue !== undefined ? new D(p.positionValue) : qty.times(p.markPrice);
        return {
          accountUid: s.accountId,
          symbol: compact(p.symbol),
          underlying: p.underlyingSymbol ?? compact(p.symbol).split(" ")[0]!,
          quoteCurrency: p.currency,
          settleCurrency: p.currency,
          instrumentType: instrumentTypeOf(p.assetCategory),
          side: qty.isNegative() ? "short" : "long",
          quantity: toDecimalString(qty),
          entryPrice: p.costBasisPrice ?? p.openPrice ?? p.markPrice,
          markPrice: p.markPrice,
          notional: toDecimalString(notional),
          unrealizedPnl: p.fifoPnlUnrealized ?? toDecimalString(new D(p.markPrice).minus(p.costBasisPrice ?? p.markPrice).times(qty)),
        };
      }),
  );
}

/**
 * Executions, with `orderReference` as the strategy tag. Quantities are in units of the
 * underlying, like positions; the fee is the commission paid (IBKR reports it negative).
 */
export function flexFills(statements: FlexAccountStatement[], timeZone: string, since: Date | undefined): Fill[] {
  return statements.flatMap((s) =>
    s.trades.flatMap((t) => {
      const executedAt = parseFlexDateTime(t.dateTime, timeZone);
      if (!executedAt) throw bad(`Trade ${t.tradeID ?? t.ibExecID ?? "?"}: unreadable dateTime "${t.dateTime}"`);
      if (since && executedAt < since) return [];
      const fillId = t.ibExecID ?? t.tradeID;
      if (!fillId) throw bad(`Trade of ${t.symbol} at ${t.dateTime} has neither ibExecID nor tradeID`);
      const ref = t.orderReference;
      return [
        {
          accountUid: s.accountId,
          venueFillId: fillId,
          venueOrderId: t.ibOrderID ?? fillId,
          clientOrderId: ref,
          symbol: compact(t.symbol),
          side: t.buySell.toUpperCase().startsWith("SELL") ? "sell" : "buy",
          price: t.tradePrice,
          quantity: toDecimalString(new D(t.quantity).abs().times(t.multiplier ?? "1")),
          fee: toDecimalString(new D(t.ibCommission ?? "0").neg()),
          feeCurrency: t.ibCommissionCurrency ?? t.currency,
          strategy: strategyOfOrderReference(ref),
          executedAt,
          raw: t,
        } satisfies Fill,
      ];
    }),
  );
}

/** Daily NAV (net liquidation value in the base currency) per account, from the series' start. */
export function flexNav(statements: FlexAccountStatement[], startOf: (accountId: string) => Date | undefined): NavPoint[] {
  return statements.flatMap((s) =>
    s.equity.flatMap((e) => {
      const at = parseFlexDate(e.reportDate);
      if (!at) throw bad(`EquitySummaryByReportDateInBase: unreadable reportDate "${e.reportDate}"`);
      const start = startOf(s.accountId);
      if (start && at < start) return [];
      return [{ snapshotId: `${s.accountId}:${at.toISOString().slice(0, 10)}`, accountUid: s.accountId, currency: e.currency ?? s.baseCurrency, at, netAssets: e.total, raw: e }];
    }),
  );
}

/** Prices the statement itself states: marks of held symbols, conversion rates, position FX rates to base. */
export function flexQuotes(statements: FlexAccountStatement[], at: Date): Quote[] {
  const out = new Map<string, Quote>();
  const add = (base: string, quote: string, price: string) => {
    if (base !== quote && new D(price).gt(0)) out.set(`${base}/${quote}`, { base, quote, price, at });
  };
  for (const s of statements) {
    for (const r of s.rates) add(r.fromCurrency, r.toCurrency, r.rate);
    for (const p of s.positions) {
      if (isHoldingCategory(p.assetCategory)) add(compact(p.symbol), p.currency, p.markPrice);
      if (s.baseCurrency && p.fxRateToBase) add(p.currency, s.baseCurrency, p.fxRateToBase);
    }
  }
  return [...out.values()];
}

function balance(accountUid: string, asset: string, amount: string): Balance {
  return { accountUid, asset, wallet: "spot", free: amount, locked: "0", total: amount };
}

/** Option symbols pad with runs of spaces ("AAPL  261218C00250000"): one space is enough. */
function compact(symbol: string): string {
  return symbol.trim().replace(/\s+/g, " ");
}

function rows<T>(elements: XmlElement[], schema: z.ZodType<T>, what: string): T[] {
  return elements.map((el, i) => {
    const r = schema.safeParse(el.attributes);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      throw bad(`${what} #${i + 1}: ${issue.path.map(String).join(".") || "(attributes)"} ${issue.message}`);
    }
    return r.data;
  });
}

function bad(message: string): ConnectorError {
  return new ConnectorError({ kind: "bad_response", provider: "ibkr", endpoint: "GET FlexWebService/GetStatement", message });
}
