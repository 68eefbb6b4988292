import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ConnectorError } from "../errors";
import { HttpClient, type HttpClientOptions } from "./client";
import { decimalText } from "./fields";
import { FakeHttpServer, type FakeRequest } from "../contract/fake-http";

const SECRET = "sk-live-0123456789abcdef";
const balanceSchema = z.object({ asset: z.string(), total: decimalText });

let server: FakeHttpServer;
let sleeps: number[];
const seen: FakeRequest[] = [];
let logs: string[];

beforeAll(async () => {
  server = await FakeHttpServer.start((req) => {
    seen.push(req);
    if (req.path === "/balance") return { status: 200, raw: '{"asset":"BTC","total":12345678901234567890.123456789,"extra":{"ignored":true}}' };
    if (req.path === "/small") return { status: 200, json: { asset: "ETH", total: 1.5 } };
    if (req.path === "/echo-secret") return { status: 400, json: { message: `bad key ${SECRET}` } };
    if (req.path === "/envelope") return { status: 200, json: { code: "50011", msg: "Rate limit reached" } };
    return { status: 404, json: { message: "no such path" } };
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.clearFaults();
  server.clearRequests();
  seen.length = 0;
  sleeps = [];
  logs = [];
});

function client(opts: Partial<HttpClientOptions> = {}) {
  return new HttpClient({
    provider: "testvenue",
    baseUrl: server.origin,
    timeoutMs: 300,
    retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 2000 },
    secrets: [SECRET],
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0,
    now: () => new Date("2026-11-20T10:00:00Z"),
    log: (line) => logs.push(line),
    ...opts,
  });
}

async function failure(p: Promise<unknown>): Promise<ConnectorError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ConnectorError);
  return e as ConnectorError;
}

describe("HttpClient", () => {
  it("returns the zod-validated body with exact decimals, tolerating extra fields, and a raw capture", async () => {
    const r = await client().request({ method: "GET", path: "/balance", schema: balanceSchema });
    expect(r.data).toEqual({ asset: "BTC", total: "12345678901234567890.123456789" });
    expect(r.raw).toEqual({
      endpoint: "GET /balance",
      at: new Date("2026-11-20T10:00:00Z"),
      body: { asset: "BTC", total: "12345678901234567890.123456789", extra: { ignored: true } },
    });
  });

  it("signs every attempt afresh over the exact path, query and body sent", async () => {
    server.injectFault({ kind: "status", status: 503 });
    const signed: string[] = [];
    let n = 0;
    await client().request({
      method: "POST",
      path: "/balance",
      query: { fund_name: "fund/h47z03", page: 2 },
      body: '{"a":1}',
      schema: balanceSchema,
      sign: (input) => {
        signed.push(`${input.method} ${input.pathWithQuery} ${input.body}`);
        return { "x-sig": `sig-${++n}` };
      },
    });
    expect(signed).toEqual(["POST /balance?fund_name=fund/h47z03&page=2 {\"a\":1}", "POST /balance?fund_name=fund/h47z03&page=2 {\"a\":1}"]);
    expect(server.requests.map((r) => r.status)).toEqual([503, 200]);
    expect(seen.map((r) => r.headers["x-sig"])).toEqual(["sig-2"]);
    expect(seen[0]!.rawQuery).toBe("fund_name=fund/h47z03&page=2");
    expect(seen[0]!.headers["content-type"]).toBe("application/json");
  });

  it("maps 401 to auth and 403 to permission without retrying", async () => {
    server.injectFault({ kind: "status", status: 401, body: '{"message":"invalid signature"}' });
    const auth = await failure(client().request({ method: "GET", path: "/balance", schema: balanceSchema }));
    expect(auth).toMatchObject({ kind: "auth", endpoint: "GET /balance", message: "testvenue GET /balance: HTTP 401 credentials rejected: invalid signature" });
    server.injectFault({ kind: "status", status: 403 });
    expect((await failure(client().request({ method: "GET", path: "/balance", schema: balanceSchema }))).kind).toBe("permission");
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([]);
  });

  it("waits as long as Retry-After says on a 429, then succeeds", async () => {
    server.injectFault({ kind: "status", status: 429, headers: { "retry-after": "1" } });
    const r = await client().request({ method: "GET", path: "/balance", schema: balanceSchema });
    expect(r.data.asset).toBe("BTC");
    expect(sleeps).toEqual([1000]);
  });

  it("gives a 429 whose Retry-After exceeds the cap back to the caller with the wait", async () => {
    server.injectFault({ kind: "status", status: 429, headers: { "retry-after": "Fri, 20 Nov 2026 10:01:00 GMT" } });
    const e = await failure(client().request({ method: "GET", path: "/balance", schema: balanceSchema }));
    expect(e).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 60, retryable: true });
    expect(sleeps).toEqual([]);
  });

  it("retries a 500 with capped, jittered backoff and reports unavailable when attempts run out", async () => {
    server.injectFault({ kind: "status", status: 500, body: "<html>oops</html>" }, {}, 3);
    const e = await failure(client().request({ method: "GET", path: "/balance", schema: balanceSchema }));
    expect(e).toMatchObject({ kind: "unavailable", message: "testvenue GET /balance: HTTP 500 venue unavailable" });
    expect(sleeps).toEqual([50, 100]);
    expect(server.requests).toHaveLength(3);
  });

  it("turns a stalled response into unavailable after the timeout", async () => {
    server.injectFault({ kind: "delay", ms: 1500 });
    const e = await failure(client({ retry: { maxAttempts: 1 } }).request({ method: "GET", path: "/balance", schema: balanceSchema }));
    expect(e).toMatchObject({ kind: "unavailable", message: "testvenue GET /balance: no response within 300ms" });
  });

  it("rejects truncated JSON, an HTML page and a missing field as bad_response", async () => {
    server.injectFault({ kind: "body", raw: '{"asset":"BTC","tot' });
    const truncated = await failure(client().request({ method: "GET", path: "/balance", schema: balanceSchema }));
    expect(truncated.kind).toBe("bad_response");
    expect(truncated.message).toContain("invalid JSON (End of string '\"' expected but reached end of input at position 19)");

    server.injectFault({ kind: "body", raw: "<!DOCTYPE html><html><body>Just a moment...</body></html>", contentType: "text/html" });
    const html = await failure(client().request({ method: "GET", path: "/balance", schema: balanceSchema }));
    expect(html.message).toBe("testvenue GET /balance: received HTML or XML where JSON was expected");

    server.injectFault({ kind: "transform", transform: (j) => ({ ...(j as object), total: undefined }) });
    const missing = await failure(client().request({ method: "GET", path: "/small", schema: balanceSchema }));
    expect(missing).toMatchObject({ kind: "bad_response" });
    expect(missing.message).toMatch(/unexpected response shape: total: /);
    expect(sleeps).toEqual([]);
  });

  it("maps other 4xx to invalid_request and a refused connection to unavailable", async () => {
    const e = await failure(client().request({ method: "GET", path: "/nowhere", schema: balanceSchema }));
    expect(e).toMatchObject({ kind: "invalid_request", message: "testvenue GET /nowhere: HTTP 404 request refused: no such path" });
    const closed = await FakeHttpServer.start(() => ({ status: 200 }));
    await closed.close();
    const down = new HttpClient({ provider: "testvenue", baseUrl: closed.origin, retry: { maxAttempts: 1 } });
    expect(await failure(down.request({ method: "GET", path: "/x", schema: balanceSchema }))).toMatchObject({
      kind: "unavailable",
      message: "testvenue GET /x: network error: ECONNREFUSED",
    });
  });

  it("lets the venue's envelope decide, e.g. a rate-limit code inside a 200", async () => {
    const c = client({
      retry: { maxAttempts: 1 },
      interpretError: (r) =>
        r.body && typeof r.body === "object" && !Array.isArray(r.body) && r.body.code === "50011"
          ? { kind: "rate_limited", message: "code 50011 Rate limit reached", retryAfterSeconds: 2 }
          : undefined,
    });
    const e = await failure(c.request({ method: "GET", path: "/envelope", schema: z.unknown() }));
    expect(e).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 2, message: "testvenue GET /envelope: code 50011 Rate limit reached" });
  });

  it("never lets a secret or a query string reach an error or a log line", async () => {
    const e = await failure(
      client().request({ method: "GET", path: "/echo-secret", query: { t: SECRET, signature: "abc123def456" }, schema: z.unknown() }),
    );
    expect(e.message).toBe("testvenue GET /echo-secret: HTTP 400 request refused: bad key [redacted]");
    expect(e.endpoint).toBe("GET /echo-secret");
    const everything = [e.message, String(e.stack), ...logs].join("\n");
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain("abc123def456");
    expect(logs).toEqual(["testvenue GET /echo-secret -> HTTP 400 in " + logs[0]!.split(" in ")[1]]);
  });

  it("wraps a signer's own failure as invalid_request", async () => {
    const e = await failure(
      client().request({
        method: "GET",
        path: "/balance",
        schema: balanceSchema,
        sign: () => {
          throw new Error("secret is not base64");
        },
      }),
    );
    expect(e).toMatchObject({ kind: "invalid_request", message: "testvenue GET /balance: could not sign the request: secret is not base64" });
  });
});
