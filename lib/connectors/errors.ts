/**
 * The only error a connector lets out. The kind decides what the sync does next:
 * `rate_limited` and `unavailable` are retried, `auth` and `permission` need a human,
 * `bad_response` and `invalid_request` are recorded and surfaced.
 */
export const CONNECTOR_ERROR_KINDS = [
  "auth",
  "permission",
  "rate_limited",
  "unavailable",
  "bad_response",
  "invalid_request",
] as const;
export type ConnectorErrorKind = (typeof CONNECTOR_ERROR_KINDS)[number];

const TRANSIENT_KINDS: ReadonlySet<ConnectorErrorKind> = new Set(["rate_limited", "unavailable"]);

export class ConnectorError extends Error {
  readonly kind: ConnectorErrorKind;
  readonly provider: string;
  /** Where it failed ("GET /api/v3/account"), never with a signed query string. */
  readonly endpoint?: string;
  /** Seconds the venue asked us to wait, for `rate_limited`. */
  readonly retryAfterSeconds?: number;

  constructor(opts: {
    kind: ConnectorErrorKind;
    provider: string;
    message: string;
    endpoint?: string;
    retryAfterSeconds?: number;
    cause?: unknown;
  }) {
    super(`${opts.provider}${opts.endpoint ? ` ${opts.endpoint}` : ""}: ${opts.message}`, { cause: opts.cause });
    this.name = "ConnectorError";
    this.kind = opts.kind;
    this.provider = opts.provider;
    this.endpoint = opts.endpoint;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }

  /**
   * The one rule for what is worth trying again: the HTTP client's retries, the background
   * runners' retry policy (lib/schedules/retry-policy.ts) and the sync's alerts all read it
   * here, through the failure the sync records.
   */
  get retryable(): boolean {
    return TRANSIENT_KINDS.has(this.kind);
  }
}

export function isConnectorError(e: unknown): e is ConnectorError {
  return e instanceof ConnectorError;
}
