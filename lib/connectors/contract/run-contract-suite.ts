import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { D } from "@/lib/money/decimal";
import {
  balanceSchema,
  cashFlowSchema,
  fillSchema,
  orderSchema,
  positionSchema,
  quoteSchema,
  venueAccountSchema,
} from "@/lib/connectors/domain-schemas";
import { ConnectorError, type ConnectorErrorKind } from "@/lib/connectors/errors";
import type { Connector, RawCapture } from "@/lib/connectors/types";
import type { Fault, FaultInjectable, FaultTarget } from "./fake-http";

/**
 * The contract every venue connector passes, as a vitest suite.
 *
 * How a connector plugs in:
 *  1. Write a fake venue that answers the documented shapes and checks signatures. The
 *     easy way is `FakeHttpServer` (./fake-http.ts), which already records requests and
 *     implements `FaultInjectable`; a fake of your own only needs that interface.
 *  2. In `lib/connectors/<venue>/<venue>.contract.test.ts`:
 *
 *       runConnectorContract({
 *         name: "groww",
 *         setup: async () => {
 *           const fake = await FakeGroww.start();
 *           const connector = new GrowwConnector({ ..., baseUrl: fake.origin, timeoutMs: 400 });
 *           return { connector, fake, secrets: [apiKey, secret], close: () => fake.close() };
 *         },
 *         timeoutMs: 400,
 *         since: new Date("2026-11-13T10:00:00Z"),
 *         quoteAssets: ["RELIANCE"],
 *         probe: { read: (c) => c.fetchBalances(), target: { path: "/v1/holdings" },
 *                  removeRequiredField: (b) => ..., addUnknownField: (b) => ... },
 *         expects: { longPosition: true, shortPosition: false, orders: true, fills: true, quotes: true },
 *       });
 *
 * What it checks: every stream passes the domain schemas the sync applies; amounts are
 * plain decimal strings; balances add up; positions follow the one sign convention
 * (quantity and notional negative exactly when the side is short); raw answers are
 * kept; and every failure — 401, 429 with Retry-After, 418, 5xx, a timeout, a dropped
 * connection, a 200 with truncated JSON, HTML or nothing, a missing field — leaves as
 * the right `ConnectorError` kind without a secret in it, while an unknown extra field
 * changes nothing. Cash flows: the "cash_flows" capability and `fetchCashFlows` go
 * together; flows pass their schema (positive amounts, the direction being the kind's),
 * are unique per account or portfolio, and keep the venue's record.
 */
export interface ContractHarness {
  connector: Connector;
  fake: FaultInjectable;
  /** Values that must never appear in an error or a raw capture (keys, secrets, passphrases). */
  secrets: readonly string[];
  close(): Promise<void>;
}

export interface ConnectorContractSpec {
  name: string;
  /** A connector wired to a fresh fake venue, with `timeoutMs` as its request timeout. */
  setup(): Promise<ContractHarness>;
  timeoutMs: number;
  /** Passed to fetchOrders / fetchFills; the fake's orders and fills should fall after it. */
  since: Date;
  quoteAssets: string[];
  /** One read used for every fault case, and the request of it the faults hit. */
  probe: {
    read(c: Connector): Promise<unknown>;
    target: FaultTarget;
    /** The probe's JSON answer with one required field removed. */
    removeRequiredField(body: unknown): unknown;
    /** The probe's JSON answer with a field the venue might add tomorrow. */
    addUnknownField(body: unknown): unknown;
  };
  /** The venue's own error bodies for the HTTP cases; generic JSON otherwise. */
  errorBodies?: Partial<Record<"401" | "418" | "429" | "500", string>>;
  /**
   * What the fake's data holds, so that each convention is exercised, not vacuously true.
   * `cashFlows`: the connector reads flows ("cash_flows" capability) and the fake has some
   * at or after `since`.
   */
  expects: { longPosition: boolean; shortPosition: boolean; orders: boolean; fills: boolean; quotes: boolean; cashFlows: boolean };
}

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

function expectDecimals(item: object, fields: readonly string[], where: string): void {
  const rec = item as Record<string, unknown>;
  for (const f of fields) {
    const v = rec[f];
    if (v === undefined) continue;
    expect(typeof v, `${where}.${f} is a string`).toBe("string");
    expect(PLAIN_DECIMAL.test(String(v)), `${where}.${f} = ${String(v)} is a plain decimal`).toBe(true);
  }
}

function expectValid<T>(schema: z.ZodType<T>, items: readonly unknown[], where: string): void {
  items.forEach((item, i) => {
    const r = schema.safeParse(item);
    expect(r.success, `${where}[${i}]: ${r.success ? "" : JSON.stringify(r.error.issues[0])}`).toBe(true);
  });
}

function expectNoSecret(text: string, secrets: readonly string[], where: string): void {
  for (const s of secrets) expect(text.includes(s), `${where} leaks a secret`).toBe(false);
}

function expectRawKept(raw: RawCapture[], secrets: readonly string[]): void {
  for (const r of raw) {
    expect(r.endpoint.length).toBeGreaterThan(0);
    expect(r.at).toBeInstanceOf(Date);
    expectNoSecret(JSON.stringify(r.body) ?? "", secrets, `raw ${r.endpoint}`);
    expectNoSecret(r.endpoint, secrets, "raw endpoint");
  }
}

export function runConnectorContract(spec: ConnectorContractSpec): void {
  describe(`${spec.name}: connector contract`, () => {
    let h: ContractHarness;
    beforeAll(async () => {
      h = await spec.setup();
    });
    afterAll(async () => h?.close());
    afterEach(() => h.fake.clearFaults());

    describe("domain shapes", () => {
      it("testConnection reports accounts and a read permission", async () => {
        const t = await h.connector.testConnection();
        expect(t.ok).toBe(true);
        expect(t.accounts.length).toBeGreaterThan(0);
        expect(t.permissions).toContain("read");
        expectValid(venueAccountSchema, t.accounts, "testConnection.accounts");
      });

      it("accounts pass the schema and have unique ids", async () => {
        const r = await h.connector.fetchAccounts();
        expectValid(venueAccountSchema, r.items, "accounts");
        expect(new Set(r.items.map((a) => a.accountUid)).size).toBe(r.items.length);
      });

      it("balances pass the schema, belong to listed accounts and add up (free + locked = total)", async () => {
        const uids = new Set((await h.connector.fetchAccounts()).items.map((a) => a.accountUid));
        const r = await h.connector.fetchBalances();
        expect(r.items.length).toBeGreaterThan(0);
        expectValid(balanceSchema, r.items, "balances");
        for (const b of r.items) {
          expect(uids.has(b.accountUid), `balance of unlisted account ${b.accountUid}`).toBe(true);
          expectDecimals(b, ["free", "locked", "total"], `balance ${b.asset}`);
          expect(new D(b.free).plus(b.locked).eq(b.total), `${b.accountUid} ${b.asset}: free + locked = total`).toBe(true);
        }
        expectRawKept(r.raw, h.secrets);
      });

      it("positions: one sign convention — quantity and notional negative exactly when short", async () => {
        if (!h.connector.capabilities.includes("derivatives")) return;
        const r = await h.connector.fetchPositions();
        expectValid(positionSchema, r.items, "positions");
        for (const p of r.items) {
          expectDecimals(p, ["quantity", "entryPrice", "markPrice", "notional", "unrealizedPnl", "liquidationPrice", "leverage"], `position ${p.symbol}`);
          const q = new D(p.quantity);
          expect(q.isZero(), `${p.symbol}: a position has a size`).toBe(false);
          expect(q.isNegative(), `${p.symbol}: quantity sign`).toBe(p.side === "short");
          const n = new D(p.notional);
          if (!n.isZero()) expect(n.isNegative(), `${p.symbol}: notional sign`).toBe(p.side === "short");
        }
        if (spec.expects.longPosition) expect(r.items.some((p) => p.side === "long")).toBe(true);
        if (spec.expects.shortPosition) expect(r.items.some((p) => p.side === "short")).toBe(true);
        expectRawKept(r.raw, h.secrets);
      });

      it("orders pass the schema and keep the venue's record", async () => {
        if (!h.connector.capabilities.includes("orders")) return;
        const r = await h.connector.fetchOrders({ since: spec.since });
        expectValid(orderSchema, r.items, "orders");
        if (spec.expects.orders) expect(r.items.length).toBeGreaterThan(0);
        for (const o of r.items) {
          expectDecimals(o, ["price", "quantity", "filledQuantity", "averagePrice"], `order ${o.venueOrderId}`);
          expect(o.raw, `order ${o.venueOrderId} keeps its raw record`).toBeDefined();
        }
        const keys = r.items.map((o) => `${o.accountUid}:${o.venueOrderId}`);
        expect(new Set(keys).size, "one entry per order").toBe(keys.length);
        expectRawKept(r.raw, h.secrets);
      });

      it("fills pass the schema, are unique per account and keep the venue's record", async () => {
        if (!h.connector.capabilities.includes("fills")) return;
        const r = await h.connector.fetchFills({ since: spec.since });
        expectValid(fillSchema, r.items, "fills");
        if (spec.expects.fills) expect(r.items.length).toBeGreaterThan(0);
        for (const f of r.items) {
          expectDecimals(f, ["price", "quantity", "fee"], `fill ${f.venueFillId}`);
          expect(new D(f.quantity).isPositive() && !new D(f.quantity).isZero(), `fill ${f.venueFillId} quantity > 0`).toBe(true);
          expect(f.raw).toBeDefined();
          expect(f.executedAt.getTime()).toBeGreaterThanOrEqual(spec.since.getTime());
        }
        const keys = r.items.map((f) => `${f.accountUid}:${f.venueFillId}`);
        expect(new Set(keys).size, "one entry per fill").toBe(keys.length);
        expectRawKept(r.raw, h.secrets);
      });

      it("cash flows: capability and method go together; flows are valid, positive, unique and keep the venue's record", async () => {
        const c = h.connector;
        const has = c.capabilities.includes("cash_flows");
        expect(has, "expects.cashFlows matches the capability").toBe(spec.expects.cashFlows);
        if (!has) return;
        expect(typeof c.fetchCashFlows, "a connector with the cash_flows capability reads them").toBe("function");
        const r = await c.fetchCashFlows!({ since: spec.since });
        expectValid(cashFlowSchema, r.items, "cash flows");
        expect(r.items.length).toBeGreaterThan(0);
        expect(r.items.some((f) => f.at.getTime() >= spec.since.getTime()), "a flow at or after `since`").toBe(true);
        for (const f of r.items) {
          expectDecimals(f, ["amount", "fee"], `flow ${f.venueFlowId}`);
          expect(f.raw, `flow ${f.venueFlowId} keeps its raw record`).toBeDefined();
        }
        const keys = r.items.map((f) => `${f.accountUid ?? f.portfolioExternalId}:${f.venueFlowId}`);
        expect(new Set(keys).size, "one entry per flow").toBe(keys.length);
        expectRawKept(r.raw, h.secrets);
      });

      it("quotes pass the schema with positive prices", async () => {
        const r = await h.connector.fetchQuotes(spec.quoteAssets);
        expectValid(quoteSchema, r.items, "quotes");
        if (spec.expects.quotes) expect(r.items.length).toBeGreaterThan(0);
        for (const q of r.items) {
          expectDecimals(q, ["price"], `quote ${q.base}/${q.quote}`);
          expect(new D(q.price).gt(0)).toBe(true);
        }
      });
    });

    describe("failures leave as ConnectorError of the right kind, without secrets", () => {
      async function failure(fault: Fault): Promise<ConnectorError> {
        h.fake.injectFault(fault, spec.probe.target);
        const err = await spec.probe.read(h.connector).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err, "the read must fail").toBeInstanceOf(ConnectorError);
        const ce = err as ConnectorError;
        expectNoSecret(ce.message, h.secrets, "error message");
        expectNoSecret(inspect(ce, { depth: 6 }), h.secrets, "inspected error");
        expect(/signature=[0-9a-f]{16,}/i.test(inspect(ce, { depth: 6 })), "no signed query string").toBe(false);
        return ce;
      }
      const body = (status: "401" | "418" | "429" | "500", fallback: string) => spec.errorBodies?.[status] ?? fallback;
      const expectKind = (e: ConnectorError, kind: ConnectorErrorKind) => expect(e.kind, e.message).toBe(kind);

      it("401 → auth", async () => {
        expectKind(await failure({ kind: "status", status: 401, body: body("401", '{"msg":"unauthorized"}') }), "auth");
      });

      it("429 with Retry-After → rate_limited with retryAfterSeconds", async () => {
        const e = await failure({ kind: "status", status: 429, body: body("429", '{"msg":"too many requests"}'), headers: { "Retry-After": "7" } });
        expectKind(e, "rate_limited");
        expect(e.retryAfterSeconds).toBe(7);
        expect(e.retryable).toBe(true);
      });

      it("418 (IP ban) → rate_limited with retryAfterSeconds", async () => {
        const e = await failure({ kind: "status", status: 418, body: body("418", '{"msg":"banned"}'), headers: { "Retry-After": "120" } });
        expectKind(e, "rate_limited");
        expect(e.retryAfterSeconds).toBe(120);
      });

      it("500 → unavailable", async () => {
        expectKind(await failure({ kind: "status", status: 500, body: body("500", "{}") }), "unavailable");
      });

      it("503 with an HTML page → unavailable", async () => {
        const e = await failure({ kind: "body", status: 503, raw: "<html><body>Service Unavailable</body></html>", contentType: "text/html" });
        expectKind(e, "unavailable");
      });

      it("no answer within the timeout → unavailable", async () => {
        const e = await failure({ kind: "delay", ms: spec.timeoutMs + 1500 });
        expectKind(e, "unavailable");
        expect(e.retryable).toBe(true);
      });

      it("a dropped connection → unavailable", async () => {
        expectKind(await failure({ kind: "disconnect" }), "unavailable");
      });

      it("200 with truncated JSON → bad_response", async () => {
        expectKind(await failure({ kind: "body", raw: '{"balances":[{"asset":"BTC","fr' }), "bad_response");
      });

      it("200 with an HTML page → bad_response", async () => {
        expectKind(await failure({ kind: "body", raw: "<!doctype html><html><body>maintenance</body></html>", contentType: "text/html" }), "bad_response");
      });

      it("200 with an empty body → bad_response", async () => {
        expectKind(await failure({ kind: "body", raw: "" }), "bad_response");
      });

      it("a missing required field → bad_response", async () => {
        expectKind(await failure({ kind: "transform", transform: spec.probe.removeRequiredField }), "bad_response");
      });

      it("an unknown extra field changes nothing", async () => {
        const before = await spec.probe.read(h.connector);
        h.fake.injectFault({ kind: "transform", transform: spec.probe.addUnknownField }, spec.probe.target);
        const after = await spec.probe.read(h.connector);
        expect(after).toEqual(withoutCaptureTimes(before, after));
      });
    });
  });
}

/**
 * Reads compared across two calls differ in their raw captures (the new field is in the
 * raw answer, which is the point of keeping it); the domain items (and margins) must be equal.
 */
function withoutCaptureTimes(before: unknown, after: unknown): unknown {
  const isStream = (v: unknown): v is { items: unknown[]; raw: unknown[] } =>
    typeof v === "object" && v !== null && "items" in v && "raw" in v;
  // Every domain field (items, and margins beside balances) must be equal; only the raw differs.
  if (isStream(before) && isStream(after)) return { ...before, raw: after.raw };
  return before;
}
