import type { z } from "zod";
import { redact } from "@/lib/security/redact";
import { ConnectorError, type ConnectorErrorKind, isConnectorError } from "../errors";
import type { RawCapture } from "../types";
import { encodeQuery, type QueryInput } from "./query";
import { JsonSyntaxError, type LosslessJson, parseLosslessJson } from "./lossless-json";
import { backoffDelayMs, DEFAULT_RETRY, parseRetryAfter, type RetryPolicy } from "./retry";

/**
 * The HTTP base every hand-written venue client stands on: one request = timeout, optional
 * signing (fresh on every attempt), status and envelope mapping to `ConnectorError`, zod
 * validation of the body, and retry of rate limits and outages. Error messages and log
 * lines pass through `redact` with the connection's secrets, and never carry a query
 * string (signed queries and Flex tokens live there).
 */
export type HttpMethod = "GET" | "POST";

export interface SignInput {
  method: HttpMethod;
  /** The path below the base URL, without the query ("/fundv3/openapi/portfolio/list-portfolio"). */
  path: string;
  /** `path` plus "?" and the query exactly as sent, or `path` when there is none. */
  pathWithQuery: string;
  /** The body exactly as sent ("" without one). */
  body: string;
}

export interface HttpCall<T> {
  method: HttpMethod;
  path: string;
  query?: QueryInput;
  /** Already serialised: a signature covers these exact bytes. */
  body?: string;
  headers?: Record<string, string>;
  /** Headers to add on each attempt (signatures, timestamps, tokens). */
  sign?: (input: SignInput) => Record<string, string> | Promise<Record<string, string>>;
  schema: z.ZodType<T>;
  /** "json" (default) parses the body losslessly; "text" hands the raw text (XML) to `schema`. */
  format?: "json" | "text";
  /** Endpoint name in errors and raw captures; defaults to "METHOD path". */
  label?: string;
  /** False for a call that must not be repeated. */
  retry?: boolean;
}

export interface HttpResult<T> {
  data: T;
  raw: RawCapture;
}

/** What a venue's own error conventions make of a response (an error code in a 200 body…). */
export interface VenueErrorVerdict {
  kind: ConnectorErrorKind;
  message: string;
  retryAfterSeconds?: number;
}

export interface VenueResponse {
  status: number;
  headers: Headers;
  /** The parsed body when it was JSON, else undefined. */
  body: LosslessJson | undefined;
  text: string;
}

export interface HttpClientOptions {
  provider: string;
  baseUrl: string;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /**
   * Values that must never appear in an error or a log line (keys, tokens, passphrases);
   * a function for secrets that appear later (a session token minted mid-run).
   */
  secrets?: readonly string[] | (() => readonly string[]);
  headers?: Record<string, string>;
  /** Reads a venue's error envelope; undefined leaves the decision to the HTTP status. */
  interpretError?: (response: VenueResponse) => VenueErrorVerdict | undefined;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => Date;
  /** Receives one redacted line per attempt. */
  log?: (line: string) => void;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
const SNIPPET_CHARS = 200;

export class HttpClient {
  private readonly policy: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => Date;

  constructor(private readonly options: HttpClientOptions) {
    this.policy = { ...DEFAULT_RETRY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.fetchImpl = options.fetch ?? fetch;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.now = options.now ?? (() => new Date());
  }

  get provider(): string {
    return this.options.provider;
  }

  /** Redacts this client's secrets (and the usual secret-bearing fields) from any text. */
  redact(text: string): string {
    const s = this.options.secrets;
    return redact(text, typeof s === "function" ? s() : (s ?? []));
  }

  async request<T>(call: HttpCall<T>): Promise<HttpResult<T>> {
    const label = call.label ?? `${call.method} ${call.path}`;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(call, label, attempt);
      } catch (e) {
        const err = this.asConnectorError(e, label);
        if (!err.retryable || call.retry === false || attempt >= this.policy.maxAttempts) throw err;
        const waitMs =
          err.retryAfterSeconds !== undefined ? err.retryAfterSeconds * 1000 : backoffDelayMs(this.policy, attempt, this.random);
        if (waitMs > this.policy.maxDelayMs) throw err;
        this.log(`${label} retrying in ${waitMs}ms after ${err.kind} (attempt ${attempt} of ${this.policy.maxAttempts})`);
        await this.sleep(waitMs);
      }
    }
  }

  private async attempt<T>(call: HttpCall<T>, label: string, attempt: number): Promise<HttpResult<T>> {
    const query = encodeQuery(call.query);
    const pathWithQuery = query ? `${call.path}?${query}` : call.path;
    const body = call.body ?? "";
    let signed: Record<string, string> = {};
    if (call.sign) {
      try {
        signed = await call.sign({ method: call.method, path: call.path, pathWithQuery, body });
      } catch (e) {
        if (isConnectorError(e)) throw e;
        throw this.error("invalid_request", label, `could not sign the request: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const url = this.options.baseUrl.replace(/\/+$/, "") + pathWithQuery;
    const headers: Record<string, string> = { accept: "application/json", ...this.options.headers, ...call.headers, ...signed };
    if (call.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) {
      headers["content-type"] = "application/json";
    }

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    const started = performance.now();
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(url, {
        method: call.method,
        headers,
        body: call.body,
        signal: controller.signal,
        redirect: "error",
      });
      text = await response.text();
    } catch (e) {
      if (controller.signal.aborted) {
        throw this.error("unavailable", label, `no response within ${this.timeoutMs}ms`);
      }
      throw this.error("unavailable", label, `network error: ${networkReason(e)}`);
    } finally {
      clearTimeout(timer);
    }
    this.log(`${label} -> HTTP ${response.status} in ${Math.round(performance.now() - started)}ms (attempt ${attempt})`);

    const parsed = tryParse(text);
    const venue: VenueResponse = { status: response.status, headers: response.headers, body: parsed, text };
    const verdict = this.options.interpretError?.(venue);
    if (verdict) {
      throw this.error(verdict.kind, label, verdict.message, verdict.retryAfterSeconds ?? this.retryAfter(response));
    }
    if (response.status < 200 || response.status >= 300) throw this.statusError(venue, label, response);

    const format = call.format ?? "json";
    let content: unknown = text;
    if (format === "json") {
      if (parsed === undefined) throw this.error("bad_response", label, describeNonJson(text));
      content = parsed;
    }
    const result = call.schema.safeParse(content);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const where = issue.path.length ? issue.path.map(String).join(".") : "(root)";
      throw this.error("bad_response", label, `unexpected response shape: ${where}: ${issue.message}`);
    }
    return { data: result.data, raw: { endpoint: label, at: this.now(), body: content } };
  }

  private statusError(venue: VenueResponse, label: string, response: Response): ConnectorError {
    const detail = venueMessage(venue);
    const suffix = detail ? `: ${detail}` : "";
    const s = venue.status;
    if (s === 401) return this.error("auth", label, `HTTP 401 credentials rejected${suffix}`);
    if (s === 403) return this.error("permission", label, `HTTP 403 not permitted${suffix}`);
    // 418 is how some venues (Binance) answer after repeated 429s: an IP ban with a Retry-After.
    if (s === 429 || s === 418) return this.error("rate_limited", label, `HTTP ${s} rate limited${suffix}`, this.retryAfter(response));
    if (s === 408 || s >= 500) return this.error("unavailable", label, `HTTP ${s} venue unavailable${suffix}`, this.retryAfter(response));
    return this.error("invalid_request", label, `HTTP ${s} request refused${suffix}`);
  }

  private retryAfter(response: Response): number | undefined {
    return parseRetryAfter(response.headers.get("retry-after"), this.now());
  }

  private error(kind: ConnectorErrorKind, endpoint: string, message: string, retryAfterSeconds?: number): ConnectorError {
    return new ConnectorError({
      kind,
      provider: this.options.provider,
      endpoint,
      message: this.redact(message),
      retryAfterSeconds,
    });
  }

  private asConnectorError(e: unknown, label: string): ConnectorError {
    if (isConnectorError(e)) return e;
    return this.error("bad_response", label, `unexpected failure: ${e instanceof Error ? e.message : String(e)}`);
  }

  private log(line: string): void {
    this.options.log?.(this.redact(`${this.options.provider} ${line}`));
  }
}

function tryParse(text: string): LosslessJson | undefined {
  if (text.trim() === "") return undefined;
  try {
    return parseLosslessJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return undefined;
    throw e;
  }
}

function describeNonJson(text: string): string {
  const t = text.trim();
  if (t === "") return "empty body where JSON was expected";
  if (t.startsWith("<")) return "received HTML or XML where JSON was expected";
  try {
    parseLosslessJson(t);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return `invalid JSON (${e.message})`;
  }
  return "invalid JSON";
}

/** The venue's own words for an error, when its body says anything readable. */
function venueMessage(venue: VenueResponse): string {
  const b = venue.body;
  if (b && typeof b === "object" && !Array.isArray(b)) {
    const pick = (v: LosslessJson | undefined) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
    const nested = b.error && typeof b.error === "object" && !Array.isArray(b.error) ? b.error : undefined;
    const found = pick(b.message) ?? pick(b.msg) ?? pick(nested?.message) ?? pick(b.error) ?? pick(b.detail);
    if (found) return found.slice(0, SNIPPET_CHARS);
  }
  const t = venue.text.trim();
  if (t.startsWith("<")) return "";
  return t.slice(0, SNIPPET_CHARS);
}

function networkReason(e: unknown): string {
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause : undefined;
  const code = cause && "code" in cause && typeof cause.code === "string" ? cause.code : undefined;
  return code ?? (e instanceof Error ? e.message : String(e));
}
