import {
  AccountSuspended,
  ArgumentsRequired,
  AuthenticationError,
  BadRequest,
  BadResponse,
  BaseError,
  DDoSProtection,
  InvalidNonce,
  InvalidOrder,
  NetworkError,
  NotSupported,
  OperationFailed,
  PermissionDenied,
  RateLimitExceeded,
  RequestTimeout,
} from "ccxt";
import { ConnectorError, type ConnectorErrorKind } from "@/lib/connectors/errors";
import { redact } from "@/lib/security/redact";

/**
 * Turning whatever ccxt (or our own parsing) threw into the one `ConnectorError` a
 * connector may let out. The HTTP facts behind a failure (status, Retry-After, the
 * venue's own code and message) are captured where the response is seen, in the strict
 * `handleErrors`, and attached here by error object, because ccxt's messages are not a
 * place to read them from: they embed the signed URL.
 */
export interface HttpContext {
  status: number;
  method: string;
  /** Path only: the query of a signed request carries its signature. */
  path: string;
  retryAfterSeconds?: number;
  venueCode?: string;
  venueMessage?: string;
}

const contexts = new WeakMap<object, HttpContext>();

export function attachHttpContext<E>(err: E, ctx: HttpContext): E {
  if (typeof err === "object" && err !== null) contexts.set(err, ctx);
  return err;
}

export function httpContextOf(err: unknown): HttpContext | undefined {
  return typeof err === "object" && err !== null ? contexts.get(err) : undefined;
}

/** A non-2xx answer that ccxt's venue tables did not classify; we classify it by status. */
export class HttpStatusError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
    this.name = "HttpStatusError";
  }
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number.parseInt(v, 10);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

/** Header lookup that ignores case: ccxt re-capitalises header names ("X-Mbx-Used-Weight-1m"). */
export function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === wanted && typeof v === "string") return v;
  return undefined;
}

/** Strips query strings from any URL in `text`, then known secrets and secret-looking fields. */
export function sanitize(text: string, secrets: readonly string[]): string {
  const noQuery = text.replace(/(https?:\/\/[^\s?"']+)\?[^\s"']*/g, "$1");
  const clean = redact(noQuery, secrets);
  return clean.length > 300 ? `${clean.slice(0, 297)}...` : clean;
}

export interface ErrorMappingOptions {
  provider: string;
  /** The read that failed ("GET /api/v3/account"), used when the failing request is unknown. */
  endpoint?: string;
  secrets: readonly string[];
  /** Seconds to wait when a venue limits us without saying how long. */
  defaultRetryAfterSeconds: number;
  timeoutMs?: number;
}

function kindFromStatus(status: number): ConnectorErrorKind {
  if (status === 401) return "auth";
  if (status === 403) return "permission";
  if (status === 418 || status === 429) return "rate_limited";
  if (status === 408 || status >= 500) return "unavailable";
  return "invalid_request";
}

function classify(err: unknown, ctx: HttpContext | undefined): ConnectorErrorKind {
  // ccxt reads Binance's -2015 after an earlier success as a temporary ban; a 401 is a
  // rejected key (deleted, IP whitelist changed) that needs a person, bans come as 418.
  if (ctx?.status === 401) return "auth";
  if (err instanceof RateLimitExceeded || err instanceof DDoSProtection) return "rate_limited";
  if (err instanceof PermissionDenied || err instanceof AccountSuspended) return "permission";
  if (err instanceof AuthenticationError || err instanceof InvalidNonce) return "auth";
  if (err instanceof BadResponse) return "bad_response";
  if (err instanceof NetworkError || err instanceof OperationFailed) return "unavailable";
  if (err instanceof HttpStatusError) return kindFromStatus(err.status);
  // A venue error ccxt knows as a client mistake is still the venue's fault when it says 5xx.
  if (ctx && ctx.status >= 500) return "unavailable";
  if (ctx && (ctx.status === 418 || ctx.status === 429)) return "rate_limited";
  if (ctx && ctx.status === 401) return "auth";
  if (
    err instanceof BadRequest ||
    err instanceof ArgumentsRequired ||
    err instanceof NotSupported ||
    err instanceof InvalidOrder
  ) {
    return "invalid_request";
  }
  if (ctx && ctx.status >= 400) return "invalid_request";
  return "bad_response";
}

function describe(kind: ConnectorErrorKind, err: unknown, ctx: HttpContext | undefined, o: ErrorMappingOptions, retryAfter?: number): string {
  const venue =
    ctx?.venueCode !== undefined || ctx?.venueMessage !== undefined
      ? ` (venue code ${ctx?.venueCode ?? "?"}${ctx?.venueMessage ? `: ${ctx.venueMessage}` : ""})`
      : "";
  const status = ctx ? ` HTTP ${ctx.status}` : "";
  switch (kind) {
    case "rate_limited":
      return `rate limited${status}${venue}; retry after ${retryAfter ?? o.defaultRetryAfterSeconds} s`;
    case "auth":
      if (err instanceof InvalidNonce) return `the venue rejected the request time${venue}: check this machine's clock`;
      return `the venue rejected the API credentials${status}${venue}`;
    case "permission":
      return `the API key lacks a permission this read needs${status}${venue}`;
    case "unavailable":
      if (err instanceof RequestTimeout) return `no answer within ${o.timeoutMs ?? "the configured"} ms`;
      if (ctx) return `the venue is unavailable${status}${venue}`;
      return `the venue could not be reached: ${err instanceof Error ? err.message : String(err)}`;
    case "bad_response":
      if (err instanceof BadResponse) return err.message;
      if (ctx) return `unexpected answer${status}${venue}`;
      return `the venue's answer could not be read: ${err instanceof Error ? err.message : String(err)}`;
    case "invalid_request":
      return `the venue refused the request${status}${venue}`;
  }
}

/** The single exit for failures: every connector error path ends here. */
export function toConnectorError(err: unknown, o: ErrorMappingOptions): ConnectorError {
  if (err instanceof ConnectorError) return err;
  const ctx = httpContextOf(err);
  const kind = classify(err, ctx);
  const retryAfterSeconds =
    kind === "rate_limited" ? (ctx?.retryAfterSeconds ?? o.defaultRetryAfterSeconds) : undefined;
  const message = sanitize(describe(kind, err, ctx, o, retryAfterSeconds), o.secrets);
  const endpoint = ctx ? `${ctx.method} ${ctx.path}` : o.endpoint;
  return new ConnectorError({
    kind,
    provider: o.provider,
    endpoint,
    message,
    retryAfterSeconds,
    // The original ccxt error is not kept as the cause: its message embeds the signed URL.
    cause: err instanceof BaseError || err instanceof HttpStatusError ? undefined : sanitizeCause(err, o.secrets),
  });
}

function sanitizeCause(err: unknown, secrets: readonly string[]): Error | undefined {
  if (!(err instanceof Error)) return undefined;
  const e = new Error(sanitize(err.message, secrets));
  e.name = err.name;
  return e;
}
