import { readFileSync } from "node:fs";
import path from "node:path";
import { D, toDecimalString } from "@/lib/money/decimal";
import { FakeHttpServer, type FakeReply, type FakeRequest } from "../../contract/fake-http";
import { parseLosslessJson, stringifyJson } from "../../http/lossless-json";
import { oneTokenSignature } from "../sign";

/**
 * A 1Token CAM tenant on localhost, answering with the documented shapes (recorded in
 * `fixtures/`), checking every request's Api-Key / Api-Timestamp / Api-Signature exactly
 * as 1Token defines them, and scoping funds by the `department` query parameter. NAV is a
 * deterministic daily series from each fund's inception up to the fake's clock; the Beta
 * fund's investors subscribe and redeem units along the way, so its net assets move by
 * more than its NAV per unit.
 */
export const FAKE_ONETOKEN_KEY = "ot-key-7f3a9c";
/** base64 of "fake-onetoken-secret-0001" */
export const FAKE_ONETOKEN_SECRET = "ZmFrZS1vbmV0b2tlbi1zZWNyZXQtMDAwMQ==";

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "fixtures");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

interface Dept {
  list: string;
  positions: string;
  funds: Record<string, { inceptionNs: bigint; units: string; currency: string; unitChanges?: ReadonlyArray<readonly [day: number, units: string]> }>;
}

const DEPARTMENTS: Record<string, Dept> = {
  "": {
    list: "list-portfolio.json",
    positions: "asset-position.json",
    funds: {
      "fund/h47z03": { inceptionNs: 1793491200000000000n, units: "1000000", currency: "usd" },
      // 2 units subscribed on day 2 (18 Nov), half a unit redeemed on day 3 (19 Nov).
      "fund/q3lm88": { inceptionNs: 1794787200000000000n, units: "10", currency: "btc", unitChanges: [[2, "2"], [3, "-0.5"]] },
    },
  },
  research: {
    list: "list-portfolio.research.json",
    positions: "asset-position.research.json",
    funds: { "fund/r5t6y7": { inceptionNs: 1795305600000000000n, units: "50000", currency: "usd" } },
  },
};

const DAY_NS = 86_400_000_000_000n;
/** Each daily point lands 123456789 ns after midnight: precision below the millisecond must survive. */
const NAV_OFFSET_NS = 123_456_789n;
const PRICES: Record<string, string> = { btc: "95000.5", eth: "3500", usdc: "1" };

export interface FakeOneToken {
  server: FakeHttpServer;
  /** What a connection's `baseUrl` is set to. */
  baseUrl: string;
  /** Every request received (signed or not), with its raw query and headers. */
  received: FakeRequest[];
  close(): Promise<void>;
}

/** `port`: a fixed one for a server started elsewhere that must know it in advance (e2e); a free one by default. */
export async function startFakeOneToken(opts: { now: () => Date; port?: number }): Promise<FakeOneToken> {
  const received: FakeRequest[] = [];
  const server = await FakeHttpServer.start((req) => {
    received.push(req);
    return handle(req, opts.now());
  }, opts.port);
  return { server, baseUrl: `${server.origin}/api/v1`, received, close: () => server.close() };
}

function handle(req: FakeRequest, now: Date): FakeReply {
  const authError = checkAuth(req, now);
  if (authError) return authError;
  const dept = DEPARTMENTS[req.query.department ?? ""];
  if (!dept) return ok({ code: "department-not-found", message: "no such department" });
  const route = req.path.replace(/^\/api\/v1/, "");

  // Fixtures holding nanosecond times go out as text, so the integers stay bare and exact.
  if (req.method === "GET" && route === "/fundv3/openapi/portfolio/list-portfolio") return text(fixture(dept.list));
  if (req.method === "GET" && route === "/fundv3/openapi/portfolio/get-portfolio-detail") {
    const fund = req.query.fund_name ?? "";
    if (!dept.funds[fund]) return ok({ code: "fund-not-found", message: `${fund} is not visible` });
    return ok(JSON.parse(fixture(`portfolio-detail.${fund.replace("fund/", "")}.json`)));
  }
  if (req.method === "POST" && route === "/fundv3/openapi/portfolio/get-historical-nav") {
    const body = parseLosslessJson(req.body) as Record<string, string>;
    const fund = dept.funds[body.fund_name ?? ""];
    if (!fund) return ok({ code: "fund-not-found", message: "fund not visible" });
    const points = navSeries(body.fund_name!, fund, BigInt(body.start_time!), BigInt(body.end_time!), now);
    return text(stringifyJson({ code: "", message: "", result: { historical_nav: points } }));
  }
  if (req.method === "POST" && route === "/anp/openapi/fund-snapshot/get-asset-position") {
    const body = parseLosslessJson(req.body) as { fund_list?: string[] };
    const wanted = new Set(body.fund_list ?? []);
    const all = JSON.parse(fixture(dept.positions)) as { result: { asset_position_overview: Array<{ requested_fund_name: string }> } };
    const rows = all.result.asset_position_overview.filter((r) => wanted.has(r.requested_fund_name));
    return ok({ code: "", message: "", result: { asset_position_overview: rows } });
  }
  if (req.method === "GET" && route === "/quote/last-price-before-timestamp") {
    const price = PRICES[req.query.currency ?? ""];
    if (!price || req.query.exchange !== "index") return { status: 400, json: { code: "invalid-currency", message: "unknown currency" } };
    return text(stringifyJson({ code: "", message: "", result: { price, timestamp: BigInt(req.query.timestamp ?? "0") } }));
  }
  return { status: 404, json: { code: "not-found", message: `no route ${req.method} ${route}` } };
}

function checkAuth(req: FakeRequest, now: Date): FakeReply | undefined {
  const ts = Number(req.headers["api-timestamp"]);
  const pathWithQuery = req.path.replace(/^\/api\/v1/, "") + (req.rawQuery ? `?${req.rawQuery}` : "");
  const expected = oneTokenSignature({
    secretBase64: FAKE_ONETOKEN_SECRET,
    verb: req.method,
    pathWithQuery,
    timestampSeconds: ts,
    body: req.body,
  });
  const fresh = Number.isInteger(ts) && Math.abs(ts - Math.floor(now.getTime() / 1000)) <= 30;
  if (req.headers["api-key"] !== FAKE_ONETOKEN_KEY || !fresh || req.headers["api-signature"] !== expected) {
    return { status: 401, json: { code: "auth-failed", message: "invalid api key, timestamp or signature" } };
  }
  return undefined;
}

/**
 * Daily points from inception: NAV per unit grows 0.05% a day, net assets = units held that
 * day × NAV, and the accumulated PnL grows by the units held the day before × the NAV's move
 * (subscriptions and redemptions are not profit).
 */
function navSeries(fundName: string, fund: Dept["funds"][string], startNs: bigint, endNs: bigint, now: Date) {
  const nowNs = BigInt(now.getTime()) * 1_000_000n;
  const out = [];
  let pnl = new D(0);
  let held = new D(fund.units);
  let lastNav = new D(1);
  for (let i = 0n; ; i++) {
    const t = fund.inceptionNs + i * DAY_NS + NAV_OFFSET_NS;
    if (t > endNs || t > nowNs) break;
    const nav = new D(1).plus(new D("0.0005").times(i.toString()));
    pnl = pnl.plus(held.times(nav.minus(lastNav)));
    held = (fund.unitChanges ?? []).filter(([day]) => BigInt(day) <= i).reduce((u, [, delta]) => u.plus(delta), new D(fund.units));
    lastNav = nav;
    if (t < startNs) continue;
    const assets = nav.times(held);
    out.push({
      fund_name: fundName,
      fund_alias: fundName,
      valuation_currency: fund.currency,
      snapshot_time: t,
      snapshot_time_str: new Date(Number(t / 1_000_000n)).toISOString(),
      net_assets: toDecimalString(assets),
      accum_nav: toDecimalString(nav),
      accum_pnl: toDecimalString(pnl),
    });
  }
  return out;
}

const ok = (json: unknown): FakeReply => ({ status: 200, json });
const text = (raw: string): FakeReply => ({ status: 200, raw });
