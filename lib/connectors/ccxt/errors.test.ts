import { inspect } from "node:util";
import {
  AuthenticationError,
  BadResponse,
  BadSymbol,
  DDoSProtection,
  ExchangeError,
  ExchangeNotAvailable,
  InvalidNonce,
  NetworkError,
  PermissionDenied,
  RateLimitExceeded,
  RequestTimeout,
} from "ccxt";
import { describe, expect, it } from "vitest";
import { ConnectorError } from "@/lib/connectors/errors";
import { attachHttpContext, HttpStatusError, parseRetryAfter, sanitize, toConnectorError } from "./errors";

const opts = { provider: "binance", endpoint: "GET /api/v3/account", secrets: ["K".repeat(40), "S".repeat(40)], defaultRetryAfterSeconds: 60, timeoutMs: 400 };
const ctx = (status: number, extra: object = {}) => ({ status, method: "GET", path: "/api/v3/account", ...extra });

describe("parseRetryAfter", () => {
  it("reads delta-seconds and HTTP dates, and ignores garbage", () => {
    const now = Date.UTC(2026, 10, 20, 10, 0, 0);
    expect(parseRetryAfter("7", now)).toBe(7);
    expect(parseRetryAfter("Fri, 20 Nov 2026 10:02:00 GMT", now)).toBe(120);
    expect(parseRetryAfter("Fri, 20 Nov 2026 09:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe("sanitize", () => {
  it("drops query strings from URLs, known secrets and secret-looking fields", () => {
    const text = `binance GET https://api.binance.com/api/v3/account?timestamp=1&signature=abcdef0123 key=${"K".repeat(40)} X-MBX-APIKEY: zzzzzzzz`;
    expect(sanitize(text, opts.secrets)).toBe("binance GET https://api.binance.com/api/v3/account key=[redacted] X-MBX-APIKEY: [redacted]");
  });
});

describe("toConnectorError", () => {
  const kind = (e: unknown) => toConnectorError(e, opts).kind;

  it("maps ccxt's classes to the closed set of kinds", () => {
    expect(kind(new RateLimitExceeded("x"))).toBe("rate_limited");
    expect(kind(new DDoSProtection("x"))).toBe("rate_limited");
    expect(kind(new PermissionDenied("x"))).toBe("permission");
    expect(kind(new AuthenticationError("x"))).toBe("auth");
    expect(kind(new InvalidNonce("x"))).toBe("auth");
    expect(kind(new RequestTimeout("x"))).toBe("unavailable");
    expect(kind(new ExchangeNotAvailable("x"))).toBe("unavailable");
    expect(kind(new NetworkError("x"))).toBe("unavailable");
    expect(kind(new BadResponse("x"))).toBe("bad_response");
    expect(kind(new BadSymbol("x"))).toBe("invalid_request");
    expect(kind(new TypeError("Cannot read properties of undefined"))).toBe("bad_response");
  });

  it("lets the HTTP status decide what a generic venue error means", () => {
    expect(kind(attachHttpContext(new ExchangeError("x"), ctx(500)))).toBe("unavailable");
    expect(kind(attachHttpContext(new ExchangeError("x"), ctx(418)))).toBe("rate_limited");
    expect(kind(attachHttpContext(new ExchangeError("x"), ctx(400)))).toBe("invalid_request");
    expect(kind(attachHttpContext(new ExchangeError("x"), ctx(200)))).toBe("bad_response");
    expect(kind(attachHttpContext(new DDoSProtection("x"), ctx(401)))).toBe("auth");
    expect(kind(attachHttpContext(new HttpStatusError(403), ctx(403)))).toBe("permission");
    expect(kind(attachHttpContext(new HttpStatusError(404), ctx(404)))).toBe("invalid_request");
  });

  it("carries Retry-After, or the venue's default wait", () => {
    const withHeader = toConnectorError(attachHttpContext(new DDoSProtection("x"), ctx(429, { retryAfterSeconds: 9 })), opts);
    expect(withHeader.retryAfterSeconds).toBe(9);
    expect(toConnectorError(new RateLimitExceeded("x"), opts).retryAfterSeconds).toBe(60);
    expect(toConnectorError(new NetworkError("x"), opts).retryAfterSeconds).toBeUndefined();
  });

  it("names the failing request and the venue's code, never the signed URL or a secret", () => {
    const err = attachHttpContext(
      new AuthenticationError(`binance GET https://api.binance.com/api/v3/account?timestamp=1&signature=${"a".repeat(64)} ${"S".repeat(40)}`),
      ctx(401, { venueCode: "-2015", venueMessage: "Invalid API-key, IP, or permissions for action." }),
    );
    const e = toConnectorError(err, opts);
    expect(e).toBeInstanceOf(ConnectorError);
    expect(e.message).toBe(
      "binance GET /api/v3/account: the venue rejected the API credentials HTTP 401 (venue code -2015: Invalid API-key, IP, or permissions for action.)",
    );
    expect(e.cause).toBeUndefined();
    expect(inspect(e, { depth: 5 })).not.toMatch(/signature=|SSSS/);
  });

  it("passes a ConnectorError through and sanitizes the cause of anything else", () => {
    const ce = new ConnectorError({ kind: "auth", provider: "binance", message: "x" });
    expect(toConnectorError(ce, opts)).toBe(ce);
    const e = toConnectorError(new TypeError(`bad ${"K".repeat(40)}`), opts);
    expect((e.cause as Error).message).toBe("bad [redacted]");
    expect(e.message).toBe("binance GET /api/v3/account: the venue's answer could not be read: bad [redacted]");
  });

  it("says how long it waited on a timeout", () => {
    expect(toConnectorError(new RequestTimeout("binance GET https://x?signature=1 timed out"), opts).message).toBe(
      "binance GET /api/v3/account: no answer within 400 ms",
    );
  });
});
