import { redact } from "@/lib/security/redact";

/** What one POST to a receiver came to: never its response body, which is not ours to show. */
export interface PostResult {
  ok: boolean;
  httpStatus: number | null;
  /** Why it failed, with the URL and any secret redacted; null on success. */
  error: string | null;
  durationMs: number;
}

export const DELIVERY_TIMEOUT_MS = 5_000;

/**
 * POSTs a JSON body with a timeout. Redirects are not followed (a 3xx is a failure): a
 * redirect could carry the body, and a signature, somewhere the channel never named. The
 * answer's body is discarded unread. Never throws.
 */
export async function postJson(p: {
  url: string;
  body: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** Values that must not appear in the error (the URL is always redacted). */
  secrets?: readonly string[];
  fetch?: typeof fetch;
}): Promise<PostResult> {
  const t0 = performance.now();
  const timeoutMs = p.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const took = () => Math.round(performance.now() - t0);
  try {
    const res = await (p.fetch ?? fetch)(p.url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Venuefolio-Alerts", ...p.headers },
      body: p.body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body?.cancel().catch(() => {});
    if (res.ok) return { ok: true, httpStatus: res.status, error: null, durationMs: took() };
    const why = res.status >= 300 && res.status < 400 ? `receiver answered ${res.status}; redirects are not followed` : `receiver answered ${res.status}`;
    return { ok: false, httpStatus: res.status, error: why, durationMs: took() };
  } catch (e) {
    return { ok: false, httpStatus: null, error: describeNetworkError(e, timeoutMs, [p.url, ...(p.secrets ?? [])]), durationMs: took() };
  }
}

function describeNetworkError(e: unknown, timeoutMs: number, secrets: readonly string[]): string {
  if (e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError")) return `no answer within ${timeoutMs / 1000} s`;
  // fetch says only "fetch failed"; the reason (ECONNREFUSED, a DNS failure, a bad port) is its cause.
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause : undefined;
  const reason = cause ? `: ${cause.message}` : "";
  // The URL may embed a token (Telegram's and Slack's do): never echo it.
  return redact(`${e instanceof Error ? e.message : String(e)}${reason}`, secrets);
}
