import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { FakeHttpServer, type FakeReply, type FakeRequest } from "../../contract/fake-http";
import { nextTokenExpiry } from "../assumptions";
import { decodeBase32, totpCode } from "../totp";

/**
 * A Groww Trade API on localhost: the documented shapes (recorded in `fixtures/`), bearer
 * tokens that expire at 06:00 IST, the approval (checksum) and TOTP token flows, daily
 * approval that can be withheld, and a day of orders that moves with the fake's clock:
 * at 08:00 UTC the INFY sell fills 10 and the TATAMOTORS buy is raised to 8; at 09:30
 * UTC the INFY sell is cancelled.
 */
export const FAKE_GROWW = {
  accessToken: "grw-access-token-2026-11-20-abcdef",
  /** The pasted token was generated on 20 Nov, so it dies at 06:00 IST on 21 Nov. */
  accessTokenExpiresAt: new Date("2026-11-21T00:30:00Z"),
  approvalKey: "grw-api-key-approval-0001",
  approvalSecret: "grw-api-secret-approval-xyz",
  totpKey: "grw-api-key-totp-0002",
  totpSecret: "JBSWY3DPEHPK3PXP",
} as const;

export const GROWW_STAGE_2 = new Date("2026-11-20T08:00:00Z");
export const GROWW_STAGE_3 = new Date("2026-11-20T09:30:00Z");

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "fixtures");
const fixture = (name: string): unknown => JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8"));

const LTP: Record<string, Record<string, number>> = {
  CASH: { NSE_RELIANCE: 2501.25, NSE_INFY: 1499.9, NSE_TCS: 3455, NSE_SBIN: 815.15, NSE_NIFTY: 24210.5, NSE_BANKNIFTY: 51300 },
  FNO: { NSE_NIFTY25N2724000CE: 98.35, NSE_BANKNIFTY25NOVFUT: 51350 },
};

type Row = Record<string, unknown>;

export interface FakeGroww {
  server: FakeHttpServer;
  baseUrl: string;
  received: FakeRequest[];
  /** Whether today's approval of the API keys was given on the Groww page. */
  approved: boolean;
  /** Tokens minted so far. */
  minted: string[];
  /** Makes Groww refuse a token before its time. */
  revoke(token: string): void;
  close(): Promise<void>;
}

export async function startFakeGroww(opts: { now: () => Date }): Promise<FakeGroww> {
  const tokens = new Map<string, Date>([[FAKE_GROWW.accessToken, FAKE_GROWW.accessTokenExpiresAt]]);
  const received: FakeRequest[] = [];
  const state = {
    approved: true,
    minted: [] as string[],
  };
  const server = await FakeHttpServer.start((req) => {
    received.push(req);
    return handle(req, opts.now(), tokens, state);
  });
  return {
    server,
    baseUrl: server.origin,
    received,
    get approved() {
      return state.approved;
    },
    set approved(v: boolean) {
      state.approved = v;
    },
    minted: state.minted,
    revoke: (token) => tokens.delete(token),
    close: () => server.close(),
  };
}

function handle(req: FakeRequest, now: Date, tokens: Map<string, Date>, state: { approved: boolean; minted: string[] }): FakeReply {
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
  if (req.method === "POST" && req.path === "/v1/token/api/access") return mint(req, bearer, now, tokens, state);

  if (req.headers["x-api-version"] !== "1.0") return failure(400, "GA001", "X-API-VERSION header is required");
  const expiresAt = tokens.get(bearer);
  if (!expiresAt || expiresAt <= now) return failure(401, "GA005", "Access token is invalid or expired");

  const segment = req.query.segment ?? "";
  if (req.path === "/v1/holdings/user") return ok(fixture("holdings.json"));
  if (req.path === "/v1/margins/detail/user") return ok(fixture("margin.json"));
  if (req.path === "/v1/positions/user") {
    if (segment !== "CASH" && segment !== "FNO") return failure(400, "GA001", "segment is required");
    return ok(fixture(`positions.${segment}.json`));
  }
  if (req.path === "/v1/live-data/ltp") {
    const table = LTP[segment] ?? {};
    const symbols = (req.query.exchange_symbols ?? "").split(",").filter(Boolean);
    if (symbols.length > 50) return failure(400, "GA001", "at most 50 symbols");
    return payload(Object.fromEntries(symbols.filter((s) => s in table).map((s) => [s, table[s]])));
  }
  if (req.path === "/v1/order/list") {
    const page = Number(req.query.page ?? "0");
    const size = Number(req.query.page_size ?? "100");
    if (size > 100) return failure(400, "GA001", "page_size too large");
    const rows = ordersAt(now)[segment] ?? [];
    return payload({ order_list: rows.slice(page * size, page * size + size).map(listRow) });
  }
  const detail = /^\/v1\/order\/detail\/([^/]+)$/.exec(req.path);
  if (detail) {
    const row = (ordersAt(now)[segment] ?? []).find((o) => o.groww_order_id === detail[1]);
    return row ? payload(row) : failure(404, "GA004", "Requested entity does not exist");
  }
  const trades = /^\/v1\/order\/trades\/([^/]+)$/.exec(req.path);
  if (trades) {
    const size = Number(req.query.page_size ?? "50");
    const page = Number(req.query.page ?? "0");
    if (size > 50) return failure(400, "GA001", "page_size too large");
    return payload({ trade_list: tradesAt(now, trades[1]!).slice(page * size, page * size + size) });
  }
  return failure(404, "GA004", `no route ${req.method} ${req.path}`);
}

function mint(req: FakeRequest, apiKey: string, now: Date, tokens: Map<string, Date>, state: { approved: boolean; minted: string[] }): FakeReply {
  const body = JSON.parse(req.body || "{}") as Record<string, string>;
  let valid = false;
  if (apiKey === FAKE_GROWW.approvalKey && body.key_type === "approval") {
    const ts = Number(body.timestamp);
    const fresh = Math.abs(ts - now.getTime() / 1000) <= 600;
    const checksum = createHash("sha256").update(FAKE_GROWW.approvalSecret + body.timestamp).digest("hex");
    valid = fresh && body.checksum === checksum;
  } else if (apiKey === FAKE_GROWW.totpKey && body.key_type === "totp") {
    valid = body.totp === totpCode(decodeBase32(FAKE_GROWW.totpSecret), now);
  }
  if (!valid) return failure(401, "GA005", "Invalid API key, checksum or TOTP");
  if (!state.approved) return failure(403, "GA005", "API key is not approved for today");
  const token = `grw-minted-${state.minted.length + 1}-${now.getTime()}`;
  state.minted.push(token);
  const expiresAt = nextTokenExpiry(now);
  tokens.set(token, expiresAt);
  // Documented bare, not in the {status, payload} envelope; expiry in IST without a zone.
  const ist = new Date(expiresAt.getTime() + 5.5 * 3_600_000).toISOString().slice(0, 19);
  return { status: 200, json: { token, tokenRefId: `ref-${state.minted.length}`, sessionName: "venuefolio", expiry: ist, isActive: true } };
}

/** The day's orders as they stand at `now`. */
function ordersAt(now: Date): Record<string, Row[]> {
  const orders = fixture("orders.json") as Record<string, Row[]>;
  const infy = orders.CASH!.find((o) => o.trading_symbol === "INFY")!;
  const tata = orders.CASH!.find((o) => o.trading_symbol === "TATAMOTORS")!;
  tata.filled_quantity = 0;
  tata.remaining_quantity = tata.quantity;
  if (now >= GROWW_STAGE_2) {
    Object.assign(infy, { filled_quantity: 10, remaining_quantity: 15, average_fill_price: 1550 });
    Object.assign(tata, { quantity: 8, remaining_quantity: 8 });
  }
  if (now >= GROWW_STAGE_3) Object.assign(infy, { order_status: "CANCELLED", remaining_quantity: 0, remark: "Cancelled by user" });
  return orders;
}

/** A list row of the TATAMOTORS order leaves out its fill state; the detail has it. */
function listRow(o: Row): Row {
  if (o.trading_symbol !== "TATAMOTORS") return o;
  return Object.fromEntries(Object.entries(o).filter(([k]) => k !== "filled_quantity" && k !== "remaining_quantity"));
}

function tradesAt(now: Date, orderId: string): Row[] {
  const all = fixture("trades.json") as Record<string, Row[]>;
  if (orderId === "GMK39038RDT490CCVR3" && now < GROWW_STAGE_2) return [];
  return all[orderId] ?? [];
}

const ok = (json: unknown): FakeReply => ({ status: 200, json });
const payload = (p: unknown): FakeReply => ({ status: 200, json: { status: "SUCCESS", payload: p } });
const failure = (status: number, code: string, message: string): FakeReply => ({
  status,
  json: { status: "FAILURE", error: { code, message, metadata: null } },
});
