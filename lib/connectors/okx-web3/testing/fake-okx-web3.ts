import { readFileSync } from "node:fs";
import path from "node:path";
import { D, toDecimalString } from "@/lib/money/decimal";
import { FakeHttpServer, type FakeReply, type FakeRequest } from "../../contract/fake-http";
import { okxSignature } from "../sign";

/**
 * OKX Web3 on localhost: the v6 balance and market price endpoints in their documented
 * shapes (`fixtures/`), checking OK-ACCESS-KEY / -PASSPHRASE / -TIMESTAMP and the HMAC
 * signature over the exact path, query and body received. One EVM address holds tokens
 * on Ethereum and Arbitrum (none on Base); one Solana address holds SOL and JUP. The
 * transaction history by address (six months kept, newest first, opaque cursor, at most
 * 20 rows a page for one chain) serves `transactions`, seeded by `fixtures/transactions.json`.
 * The DEX aggregator quote prices a route between two tokens of the EVM fixture (`dexQuote`).
 */
export const FAKE_OKX_WEB3 = {
  apiKey: "okxw3-key-6b1f2c9d",
  secretKey: "OKXW3SECRET0123456789ABCDEF",
  passphrase: "Passphrase!23",
  projectId: "okxw3-project-42",
  evm: "0xAbCdEf0123456789aBcDeF0123456789AbCdEf01",
  /** A second EVM wallet the tests may track: the fixture history moves USDC into it from `evm`. */
  evmCold: "0x9F8e7D6c5B4a39281706F5e4D3c2B1a098765432",
  solana: "7Np41oeYqPefeNQEHSv1UDhYrehxin3NStELsSKCT4K2",
} as const;

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "fixtures");
const fixture = (name: string): unknown => JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8"));

interface Asset {
  chainIndex: string;
  balance: string;
  tokenPrice: string;
  isRiskToken: boolean | string;
}
type Envelope = { code: string | number; msg: string; data: Array<{ tokenAssets: Asset[] }> };

/** DeFi positions OKX counts in the total value (assetType 0) but not in token balances. */
const DEFI_USD: Record<string, string> = { "1": "1000" };

export type TxRow = Record<string, unknown> & { chainIndex: string; txTime: string; from: TxSide[]; to: TxSide[] };
type TxSide = { address: string; amount: string };

export interface FakeOkxWeb3 {
  server: FakeHttpServer;
  baseUrl: string;
  received: FakeRequest[];
  /** The chain history every tracked address shares (mutable; reset with `defaultTransactions`). */
  transactions: TxRow[];
  close(): Promise<void>;
}

export function defaultTransactions(): TxRow[] {
  return fixture("transactions.json") as TxRow[];
}

export async function startFakeOkxWeb3(opts: { now: () => Date }): Promise<FakeOkxWeb3> {
  const received: FakeRequest[] = [];
  const fake: FakeOkxWeb3 = {
    server: await FakeHttpServer.start((req) => {
      received.push(req);
      return handle(req, opts.now(), fake.transactions);
    }),
    baseUrl: "",
    received,
    transactions: defaultTransactions(),
    close: () => fake.server.close(),
  };
  fake.baseUrl = fake.server.origin;
  return fake;
}

const HISTORY_KEPT_MS = 180 * 86_400_000;
const SINGLE_CHAIN_PAGE = 20;

/** GET /api/v6/dex/post-transaction/transactions-by-address: the address's rows, newest first, paged by an opaque cursor. */
function history(q: Record<string, string>, now: Date, all: TxRow[]): FakeReply {
  const address = (q.address ?? "").toLowerCase();
  const chains = (q.chains ?? "").split(",").filter(Boolean);
  if (!address || chains.length === 0 || chains.length > 50) return error(400, "51000", "Parameter address or chains error");
  const begin = Math.max(Number(q.begin ?? 0), now.getTime() - HISTORY_KEPT_MS);
  const end = q.end ? Number(q.end) : now.getTime();
  const touches = (side: TxSide[]) => side.some((s) => s.address.toLowerCase().split(",").includes(address));
  const rows = all
    .filter((r) => chains.includes(r.chainIndex) && (touches(r.from) || touches(r.to)) && Number(r.txTime) >= begin && Number(r.txTime) <= end)
    .sort((a, b) => Number(b.txTime) - Number(a.txTime));
  const limit = Math.min(Number(q.limit ?? SINGLE_CHAIN_PAGE), chains.length === 1 ? SINGLE_CHAIN_PAGE : 100);
  const offset = q.cursor ? Number(Buffer.from(q.cursor, "base64url").toString()) : 0;
  const page = rows.slice(offset, offset + limit);
  const cursor = offset + limit < rows.length ? Buffer.from(String(offset + limit)).toString("base64url") : "";
  return { status: 200, json: { code: "0", msg: "success", data: [{ cursor, transactions: page }] } };
}

function handle(req: FakeRequest, now: Date, transactions: TxRow[]): FakeReply {
  const authError = checkAuth(req, now);
  if (authError) return authError;
  if (req.method === "GET" && req.path === "/api/v6/dex/post-transaction/transactions-by-address") return history(req.query, now, transactions);
  if (req.method === "GET" && req.path === "/api/v6/dex/aggregator/quote") return dexQuote(req.query);
  if (req.method === "GET" && req.path === "/api/v6/dex/balance/all-token-balances-by-address") {
    const chains = (req.query.chains ?? "").split(",").filter(Boolean);
    if (chains.length === 0 || chains.length > 50) return error(400, "51000", "Parameter chains error");
    const excludeRisk = (req.query.excludeRiskToken ?? "0") === "0";
    const body = walletFixture(req.query.address ?? "");
    if (!body) return { status: 200, json: { code: "0", msg: "success", data: [{ tokenAssets: [] }] } };
    const assets = body.data[0]!.tokenAssets.filter((a) => chains.includes(a.chainIndex) && (!excludeRisk || !isRisk(a)));
    return { status: 200, json: { ...body, data: [{ tokenAssets: assets }] } };
  }
  if (req.method === "GET" && req.path === "/api/v6/dex/balance/total-value-by-address") {
    const chains = (req.query.chains ?? "").split(",").filter(Boolean);
    const excludeRisk = req.query.excludeRiskToken !== "false";
    const assets = (walletFixture(req.query.address ?? "")?.data[0]?.tokenAssets ?? []).filter(
      (a) => chains.includes(a.chainIndex) && (!excludeRisk || !isRisk(a)),
    );
    let total = assets.reduce((sum, a) => sum.plus(new D(a.balance).times(a.tokenPrice)), new D(0));
    if (req.query.assetType === "0") for (const c of chains) total = total.plus(DEFI_USD[c] ?? "0");
    return { status: 200, json: { code: "0", msg: "success", data: [{ totalValue: toDecimalString(total) }] } };
  }
  if (req.method === "POST" && req.path === "/api/v6/dex/market/price") {
    const wanted = JSON.parse(req.body || "[]") as Array<{ chainIndex: string; tokenContractAddress: string }>;
    if (!Array.isArray(wanted) || wanted.length === 0 || wanted.length > 100) return error(400, "51000", "Parameter error");
    if (wanted.some((t) => t.tokenContractAddress !== t.tokenContractAddress.toLowerCase())) return error(400, "51000", "address must be lower case");
    const all = fixture("market-price.json") as { data: Array<{ chainIndex: string; tokenContractAddress: string }> };
    const data = all.data.filter((p) => wanted.some((w) => w.chainIndex === p.chainIndex && w.tokenContractAddress === p.tokenContractAddress));
    return { status: 200, json: { ...all, data } };
  }
  return error(404, "50000", `no route ${req.method} ${req.path}`);
}

const EVM_NATIVE = "0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";
/** Price impact the fake quotes: 0.1 % for every 1,000 USD sold. */
export const FAKE_IMPACT_PER_USD = new D("0.0001");
/** The route's network fee in USD (`tradeFee`), by chain. */
export const FAKE_TRADE_FEE_USD: Record<string, string> = { "1": "1.25", "42161": "0.02" };

/** A token of the EVM fixture by chain and quote address (0xeee…e = the native coin), with its decimals. */
function quoteToken(chainIndex: string, address: string) {
  const assets = (fixture("all-token-balances.evm.json") as Envelope).data[0]!.tokenAssets as Array<Asset & { tokenContractAddress: string; symbol: string; balance: string; rawBalance: string }>;
  const a = assets.find((x) => x.chainIndex === chainIndex && (x.tokenContractAddress === "" ? EVM_NATIVE : x.tokenContractAddress.toLowerCase()) === address.toLowerCase());
  if (!a || new D(a.balance).isZero()) return undefined;
  const decimals = Math.round(new D(a.rawBalance).div(a.balance).log(10).toNumber());
  return { symbol: a.symbol, address, decimals, price: new D(a.tokenPrice) };
}

/**
 * GET /api/v6/dex/aggregator/quote: exactIn only. What is sold is valued at the fixture's
 * USD price, loses FAKE_IMPACT_PER_USD of itself per USD to price impact, and buys the other
 * token at its price. A token priced 0 has no route (code 82000, insufficient liquidity).
 */
function dexQuote(q: Record<string, string>): FakeReply {
  const { chainIndex = "", amount = "", swapMode = "exactIn", fromTokenAddress = "", toTokenAddress = "" } = q;
  if (!chainIndex || !/^[1-9]\d*$/.test(amount) || !fromTokenAddress || !toTokenAddress) return error(400, "51000", "Parameter chainIndex, amount, fromTokenAddress or toTokenAddress error");
  if (swapMode !== "exactIn") return error(400, "51000", "Parameter swapMode error");
  const from = quoteToken(chainIndex, fromTokenAddress);
  const to = quoteToken(chainIndex, toTokenAddress);
  if (!from || !to) return error(400, "51000", "Parameter fromTokenAddress or toTokenAddress error");
  if (from.price.isZero() || to.price.isZero()) return error(200, "82000", "Insufficient liquidity");
  const valueUsd = new D(amount).div(new D(10).pow(from.decimals)).times(from.price);
  const impact = valueUsd.times(FAKE_IMPACT_PER_USD).div(100);
  const toWhole = valueUsd.times(new D(1).minus(impact)).div(to.price);
  const token = (t: NonNullable<typeof from>) => ({ tokenContractAddress: t.address, tokenSymbol: t.symbol, decimal: String(t.decimals), tokenUnitPrice: toDecimalString(t.price), isHoneyPot: false, taxRate: "0" });
  return {
    status: 200,
    json: {
      code: "0",
      msg: "",
      data: [
        {
          chainIndex,
          fromTokenAmount: amount,
          toTokenAmount: toWhole.times(new D(10).pow(to.decimals)).floor().toFixed(0),
          tradeFee: FAKE_TRADE_FEE_USD[chainIndex] ?? "0.1",
          estimateGasFee: "180000",
          priceImpactPercent: toDecimalString(impact.times(100).negated()),
          dexRouterList: [],
          fromToken: token(from),
          toToken: token(to),
        },
      ],
    },
  };
}

function checkAuth(req: FakeRequest, now: Date): FakeReply | undefined {
  const ts = req.headers["ok-access-timestamp"] ?? "";
  if (!req.headers["ok-access-key"]) return error(401, "50103", "Request header OK-ACCESS-KEY can not be empty");
  if (req.headers["ok-access-key"] !== FAKE_OKX_WEB3.apiKey) return error(401, "50111", "Invalid OK-ACCESS-KEY");
  if (req.headers["ok-access-passphrase"] !== FAKE_OKX_WEB3.passphrase) return error(401, "50105", "OK-ACCESS-PASSPHRASE incorrect");
  const at = Date.parse(ts);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(ts) || Math.abs(at - now.getTime()) > 30_000) return error(401, "50112", "Invalid OK-ACCESS-TIMESTAMP");
  const path = req.path + (req.rawQuery ? `?${req.rawQuery}` : "");
  const expected = okxSignature({ secretKey: FAKE_OKX_WEB3.secretKey, timestamp: ts, method: req.method, pathWithQuery: path, body: req.body });
  if (req.headers["ok-access-sign"] !== expected) return error(401, "50113", "Invalid Sign");
  return undefined;
}

function walletFixture(address: string): Envelope | undefined {
  if (address === FAKE_OKX_WEB3.evm.toLowerCase()) return fixture("all-token-balances.evm.json") as Envelope;
  if (address === FAKE_OKX_WEB3.solana) return fixture("all-token-balances.solana.json") as Envelope;
  return undefined;
}

const isRisk = (a: Asset) => a.isRiskToken === true || a.isRiskToken === "true";
const error = (status: number, code: string, msg: string): FakeReply => ({ status, json: { code, msg, data: [] } });
