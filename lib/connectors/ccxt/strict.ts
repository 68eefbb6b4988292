import { BadResponse } from "ccxt";
import { attachHttpContext, headerValue, type HttpContext, HttpStatusError, parseRetryAfter } from "./errors";

/**
 * The response guard every ccxt venue subclass runs in `handleErrors`, which ccxt calls
 * once per HTTP response, success or not.
 *
 * - ccxt treats a 2xx whose body is not JSON (truncated, HTML, empty) as success and hands
 *   the caller `{}` or a string; here it raises `BadResponse`.
 * - Whatever the venue's own handler throws gets the HTTP facts attached (status,
 *   Retry-After, the venue's code and message), read from this response only.
 * - A non-2xx the venue handler let through is raised here, so ccxt's fallback (whose
 *   message embeds the signed URL) never runs.
 * - Every response is reported to `observe`, which meters requests and reads weight headers.
 */
/** What ccxt accepts as `fetchImplementation`; tests pass one that reaches a local fake. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface ObservedResponse {
  status: number;
  method: string;
  url: URL;
  headers: Record<string, string>;
}

export interface VenueErrorFields {
  code?: string;
  message?: string;
}

export interface GuardArgs {
  code: number;
  url: string;
  method: string;
  headers: Record<string, unknown>;
  response: unknown;
  /** The venue's code and message, from its error body shape. */
  venueError: (response: unknown) => VenueErrorFields;
  observe?: (r: ObservedResponse) => void;
  /** The venue subclass's own `super.handleErrors(...)`. */
  venueHandler: () => undefined;
  nowMs: number;
}

function stringHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (typeof v === "string") out[k.toLowerCase()] = v;
  return out;
}

export function guardResponse(a: GuardArgs): undefined {
  const url = new URL(a.url);
  a.observe?.({ status: a.code, method: a.method, url, headers: stringHeaders(a.headers) });
  const venue = a.response === undefined ? {} : a.venueError(a.response);
  const ctx: HttpContext = {
    status: a.code,
    method: a.method,
    path: url.pathname,
    retryAfterSeconds: parseRetryAfter(headerValue(a.headers, "retry-after"), a.nowMs),
    venueCode: venue.code,
    venueMessage: venue.message,
  };
  if (a.code < 400 && a.response === undefined) {
    throw attachHttpContext(new BadResponse(`${a.method} ${url.pathname} answered ${a.code} with a body that is not JSON`), ctx);
  }
  try {
    a.venueHandler();
  } catch (e) {
    throw attachHttpContext(e, ctx);
  }
  if (a.code >= 400) throw attachHttpContext(new HttpStatusError(a.code), ctx);
  return undefined;
}

/** Reads `{code, msg}` (Binance, OKX) style error fields without trusting their types. */
export function codeAndMsg(response: unknown): VenueErrorFields {
  if (typeof response !== "object" || response === null || Array.isArray(response)) return {};
  const r = response as Record<string, unknown>;
  const code = typeof r.code === "string" || typeof r.code === "number" ? String(r.code) : undefined;
  const msg = typeof r.msg === "string" && r.msg !== "" ? r.msg : undefined;
  return { code, message: msg };
}
