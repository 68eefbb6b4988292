import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import type { Balance, NavPoint, Position, Quote, VenueAccount, VenuePortfolio, WalletType } from "../types";
import { accountKindOf, instrumentTypeOf, isShortSide, navSnapshotId } from "./assumptions";
import type { AssetPositionRow, FundChild, FundInfo, NavRow } from "./schemas";

/** Pure 1Token → domain mapping. Nanosecond times stay BigInt until they become a Date (ms). */

const NS_PER_MS = 1_000_000n;
const RETURN_DP = 12;

export function nsToDate(ns: bigint): Date {
  return new Date(Number(ns / NS_PER_MS));
}

export function dateToNs(d: Date): bigint {
  return BigInt(d.getTime()) * NS_PER_MS;
}

export function toPortfolios(funds: FundInfo[], department: string | undefined): VenuePortfolio[] {
  return funds.map((f) => ({
    externalId: f.fund_name,
    name: f.fund_alias ?? f.fund_name,
    alias: f.fund_alias,
    dataSource: "1token",
    baseCurrency: (f.valuation_currency ?? f.denomination ?? "USD").toUpperCase(),
    department,
    inceptionAt: f.inception_time ? nsToDate(f.inception_time) : undefined,
  }));
}

/** A fund's exchange accounts and sub-accounts; an account listed under two funds stays with the first. */
export function toAccounts(fundName: string, children: FundChild[]): VenueAccount[] {
  return children.map((c) => ({
    accountUid: c.child_name,
    name: c.child_name,
    alias: c.child_alias,
    venue: c.venue ?? "1token",
    kind: accountKindOf(c.child_type, c.account_mode),
    portfolioExternalId: fundName,
    balanceUsd: c.net_assets_usd,
  }));
}

/** Keeps, per fund, only the rows of its latest snapshot. */
export function latestSnapshotRows(rows: AssetPositionRow[]): AssetPositionRow[] {
  const latest = new Map<string, string>();
  for (const r of rows) {
    const cur = latest.get(r.requested_fund_name);
    if (cur === undefined || r.snapshot_time_str > cur) latest.set(r.requested_fund_name, r.snapshot_time_str);
  }
  return rows.filter((r) => latest.get(r.requested_fund_name) === r.snapshot_time_str);
}

export interface Holdings {
  balances: Balance[];
  positions: Position[];
  /** Accounts named by asset rows but absent from the funds' children (fund-level rows). */
  extraAccounts: VenueAccount[];
}

/**
 * Asset rows → balances (spot, margin) and positions (futures, perpetuals, options), in the
 * account the row's `account_alias` names within its fund. Sizes are signed by `side_str`.
 */
export function toHoldings(rows: AssetPositionRow[], accounts: VenueAccount[]): Holdings {
  const byFundAlias = new Map<string, VenueAccount>();
  for (const a of accounts) {
    if (a.portfolioExternalId && a.alias) byFundAlias.set(`${a.portfolioExternalId}\u0000${a.alias}`, a);
    if (a.portfolioExternalId) byFundAlias.set(`${a.portfolioExternalId}\u0000${a.name}`, a);
  }
  const extra = new Map<string, VenueAccount>();
  const balances = new Map<string, { accountUid: string; asset: string; wallet: WalletType; total: Dec }>();
  const positions = new Map<string, { accountUid: string; row: AssetPositionRow; qty: Dec; usd: Dec; upnl: Dec; mark: Dec }>();

  for (const row of rows) {
    const accountUid = accountFor(row, byFundAlias, extra);
    const size = new D(row.position_size_equity).abs();
    if (size.isZero()) continue;
    const qty = isShortSide(row.side_str) || new D(row.position_size_equity).isNegative() ? size.neg() : size;
    const type = instrumentTypeOf(row.instrument_str, row.account_type_str);
    if (type === "spot" || type === "margin") {
      const asset = (row.position_size_unit_str ?? row.symbol_str).toUpperCase();
      const wallet: WalletType = type === "margin" ? "margin" : "spot";
      const key = `${accountUid}\u0000${asset}\u0000${wallet}`;
      const cur = balances.get(key);
      balances.set(key, { accountUid, asset, wallet, total: (cur?.total ?? new D(0)).plus(qty) });
      continue;
    }
    const usd = new D(row.usd_exposure ?? "0").abs();
    const mark = markPriceOf(row, size, usd);
    const key = `${accountUid}\u0000${row.instrument_str || row.symbol_str}\u0000${qty.isNegative() ? "short" : "long"}`;
    const cur = positions.get(key);
    positions.set(key, {
      accountUid,
      row,
      qty: (cur?.qty ?? new D(0)).plus(qty),
      usd: (cur?.usd ?? new D(0)).plus(usd),
      upnl: (cur?.upnl ?? new D(0)).plus(row.upnl_usd ?? "0"),
      mark,
    });
  }

  return {
    balances: [...balances.values()].map((b) => ({
      accountUid: b.accountUid,
      asset: b.asset,
      wallet: b.wallet,
      free: toDecimalString(b.total),
      locked: "0",
      total: toDecimalString(b.total),
    })),
    positions: [...positions.values()].map((p) => toPosition(p)),
    extraAccounts: [...extra.values()],
  };
}

function toPosition(p: { accountUid: string; row: AssetPositionRow; qty: Dec; usd: Dec; upnl: Dec; mark: Dec }): Position {
  const short = p.qty.isNegative();
  const notional = p.usd.isZero() ? p.qty.times(p.mark) : short ? p.usd.neg() : p.usd;
  // No entry price is published: it is implied by the mark and the unrealized PnL (linear contracts).
  const entry = p.mark.minus(p.upnl.div(p.qty));
  return {
    accountUid: p.accountUid,
    symbol: p.row.instrument_str || p.row.symbol_str,
    underlying: underlyingOf(p.row),
    quoteCurrency: "USD",
    settleCurrency: "USD",
    instrumentType: instrumentTypeOf(p.row.instrument_str, p.row.account_type_str),
    side: short ? "short" : "long",
    quantity: toDecimalString(p.qty),
    entryPrice: toDecimalString(entry.toDecimalPlaces(12)),
    markPrice: toDecimalString(p.mark),
    notional: toDecimalString(notional),
    unrealizedPnl: toDecimalString(p.upnl),
  };
}

function markPriceOf(row: AssetPositionRow, size: Dec, usd: Dec): Dec {
  if (row.mark_price !== undefined) return new D(row.mark_price);
  if (row.last_price !== undefined) return new D(row.last_price);
  return usd.div(size).toDecimalPlaces(12);
}

/** "btc", "btc.usdt" or "BTC/USDT" → "BTC". */
function underlyingOf(row: AssetPositionRow): string {
  const text = row.underlying_str ?? row.symbol_str;
  return (text.split(/[./:-]/)[0] ?? text).toUpperCase();
}

function accountFor(row: AssetPositionRow, byFundAlias: Map<string, VenueAccount>, extra: Map<string, VenueAccount>): string {
  const known = byFundAlias.get(`${row.requested_fund_name}\u0000${row.account_alias}`);
  if (known) return known.accountUid;
  const uid = `${row.requested_fund_name}#${row.account_alias || "fund"}`;
  if (!extra.has(uid)) {
    extra.set(uid, {
      accountUid: uid,
      name: uid,
      alias: row.account_alias || undefined,
      venue: row.venue_str || "1token",
      kind: "spot",
      portfolioExternalId: row.requested_fund_name,
    });
  }
  return uid;
}

/** USD prices implied by 1Token's own valuation of spot rows: Σ|usd exposure| / Σ|size| per asset. */
export function impliedUsdQuotes(rows: AssetPositionRow[], at: Date): Quote[] {
  const sums = new Map<string, { usd: Dec; size: Dec }>();
  for (const r of rows) {
    const type = instrumentTypeOf(r.instrument_str, r.account_type_str);
    if ((type !== "spot" && type !== "margin") || r.usd_exposure === undefined) continue;
    const asset = (r.position_size_unit_str ?? r.symbol_str).toUpperCase();
    const cur = sums.get(asset) ?? { usd: new D(0), size: new D(0) };
    sums.set(asset, { usd: cur.usd.plus(new D(r.usd_exposure).abs()), size: cur.size.plus(new D(r.position_size_equity).abs()) });
  }
  return [...sums]
    .filter(([asset, s]) => !s.size.isZero() && asset !== "USD")
    .map(([asset, s]) => ({ base: asset, quote: "USD", price: toDecimalString(s.usd.div(s.size).toDecimalPlaces(18)), at }));
}

/**
 * NAV rows → points, oldest first, one per snapshot time. Returns are derived between
 * consecutive points of the same fund (see NAV_FIELD_MEANING); the first has none.
 */
export function toNavPoints(rows: NavRow[]): NavPoint[] {
  const byTime = new Map<string, NavRow>();
  for (const r of rows) byTime.set(`${r.fund_name}\u0000${r.snapshot_time}`, r);
  const sorted = [...byTime.values()].sort((a, b) =>
    a.fund_name === b.fund_name ? (a.snapshot_time < b.snapshot_time ? -1 : 1) : a.fund_name < b.fund_name ? -1 : 1,
  );
  let prev: NavRow | undefined;
  return sorted.map((r) => {
    const p = prev && prev.fund_name === r.fund_name ? prev : undefined;
    prev = r;
    return {
      snapshotId: navSnapshotId(r.fund_name, r.snapshot_time),
      portfolioExternalId: r.fund_name,
      currency: r.valuation_currency?.toUpperCase(),
      at: nsToDate(r.snapshot_time),
      netAssets: r.net_assets,
      navPerUnit: r.accum_nav,
      netReturn: p ? ratioChange(r.accum_nav, p.accum_nav) : undefined,
      grossReturn: p ? pnlReturn(r.accum_pnl, p.accum_pnl, p.net_assets) : undefined,
      // The raw row, JSON-safe: the nanosecond time as its exact digits.
      raw: { ...r, snapshot_time: r.snapshot_time.toString() },
    };
  });
}

function ratioChange(now: string | undefined, before: string | undefined): string | undefined {
  if (now === undefined || before === undefined || new D(before).isZero()) return undefined;
  return toDecimalString(new D(now).div(before).minus(1).toDecimalPlaces(RETURN_DP));
}

function pnlReturn(pnl: string | undefined, prevPnl: string | undefined, prevAssets: string): string | undefined {
  if (pnl === undefined || prevPnl === undefined || new D(prevAssets).isZero()) return undefined;
  return toDecimalString(new D(pnl).minus(prevPnl).div(prevAssets).toDecimalPlaces(RETURN_DP));
}
