/**
 * The security headers every response carries, decided in one place so the proxy (which
 * sends them) and its tests agree. Pure apart from `newNonce`: the caller says whether the
 * request came over https and whether this is `next dev`.
 *
 * Why each choice that is not the strictest possible:
 * - script-src keeps 'self' next to the nonce and 'strict-dynamic' only for browsers that
 *   predate CSP3: those ignore 'strict-dynamic' and would otherwise load no script at all;
 *   CSP3 browsers ignore 'self' once 'strict-dynamic' is present.
 * - style-src allows 'unsafe-inline'. The server HTML carries `style="…"` attributes
 *   (recharts' ResponsiveContainer sizes itself with one; the allocation swatches are
 *   coloured by one) and an attribute cannot carry a nonce: under `style-src 'self'` the
 *   equity chart never draws. Allowing attributes only (`style-src-attr`) is not enough
 *   either: Next's built-in 404 page has an un-nonced <style>, sonner injects one at run
 *   time, and browsers without `style-src-attr` would fall back and lose the charts. With
 *   img-src, font-src and connect-src limited to this origin, injected CSS has nowhere to
 *   send what it could read.
 * - 'unsafe-eval' only under `next dev`: React rebuilds server error stacks with eval there.
 * - No `upgrade-insecure-requests` and no HSTS over plain http: a LAN install reached as
 *   http://host:3000 would have every asset request rewritten to an https port that is not
 *   listening, or be pinned to https for two years.
 */

export interface SecurityContext {
  /** This request's script nonce; null gives a policy without one (never weaker on scripts than 'self'). */
  nonce: string | null;
  /** The browser reached us over https (directly or through a TLS-terminating proxy). */
  https: boolean;
  /** `next dev` (NODE_ENV=development). */
  dev: boolean;
}

/**
 * Denied features: none has a use in a portfolio dashboard, so an injected script gets none.
 * Only names Chromium recognises: an unknown one (e.g. "bluetooth") is logged as an error
 * on every page load.
 */
const DENIED_FEATURES = [
  "accelerometer",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
] as const;

export const PERMISSIONS_POLICY = DENIED_FEATURES.map((f) => `${f}=()`).join(", ");

/** Two years, the preload list's minimum; subdomains too, since they share the cookies. */
export const HSTS = "max-age=63072000; includeSubDomains";

// Next reads the nonce back with /^'nonce-([A-Za-z0-9+/_-]+={0,2})'$/; anything else would be
// silently dropped and every script blocked.
const NONCE_PATTERN = /^[A-Za-z0-9+/_-]+={0,2}$/;

export function contentSecurityPolicy({ nonce, dev }: Pick<SecurityContext, "nonce" | "dev">): string {
  if (nonce !== null && !NONCE_PATTERN.test(nonce)) throw new Error("A CSP nonce must be base64");
  const script = nonce === null ? ["'self'"] : ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"];
  if (dev) script.push("'unsafe-eval'");
  const directives: Array<[string, string[]]> = [
    ["default-src", ["'self'"]],
    ["script-src", script],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "blob:"]],
    ["font-src", ["'self'"]],
    ["connect-src", ["'self'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(" ")}`).join("; ");
}

/** Header name → value, lower-case names (what `Headers` reports back). */
export function securityHeaders(ctx: SecurityContext): Record<string, string> {
  const headers: Record<string, string> = {
    "content-security-policy": contentSecurityPolicy(ctx),
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    // Browsers without frame-ancestors still honour this one.
    "x-frame-options": "DENY",
    "permissions-policy": PERMISSIONS_POLICY,
  };
  if (ctx.https) headers["strict-transport-security"] = HSTS;
  return headers;
}

/**
 * Whether the browser's connection was https: the URL's own scheme, or the first hop a
 * reverse proxy reports in x-forwarded-proto ("https" or "https, http" through a chain).
 * A client could forge the header on plain http, but browsers ignore HSTS received over
 * http (RFC 6797 §8.1), so the forgery gains nothing.
 */
export function requestIsHttps(urlProtocol: string, forwardedProto: string | null): boolean {
  if (urlProtocol === "https:") return true;
  const first = forwardedProto?.split(",")[0]?.trim().toLowerCase();
  return first === "https";
}

/** 128 random bits, base64: unguessable per response, and in the alphabet Next accepts. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
