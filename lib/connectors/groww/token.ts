import { createHash } from "node:crypto";
import { ConnectorError, isConnectorError } from "../errors";
import type { HttpClient } from "../http/client";
import { APPROVAL_PAGE, GROWW_ASSUMPTIONS, nextTokenExpiry, parseGrowwTime } from "./assumptions";
import { tokenSchema } from "./schemas";
import type { GrowwCredentials } from "./settings";
import { decodeBase32, totpCode } from "./totp";

/**
 * The day's Groww access token. A pasted token is used as is until Groww refuses it; with
 * an API key (approval or TOTP flow) the token is minted on first use, kept until just
 * before 06:00 IST, and minted again when it expires or Groww refuses it.
 */
export interface CachedToken {
  token: string;
  expiresAt: Date;
  /** When to mint the next one: a little before expiry, never sooner than half its life. */
  refreshAt: Date;
}

/** Where minted tokens live between sync runs, keyed by a hash of the API key. */
export interface TokenCache {
  get(key: string): CachedToken | undefined;
  set(key: string, value: CachedToken): void;
  delete(key: string): void;
}

/** One per process: every sync of a connection reuses the day's token. */
export const processTokenCache: TokenCache = new Map<string, CachedToken>();

/** The cache key of an API key's minted tokens (a hash: the key itself is a secret). */
function cacheKeyOf(credentials: GrowwCredentials): string | undefined {
  return credentials.mode === "access_token" ? undefined : createHash("sha256").update(`groww:${credentials.apiKey}`).digest("hex");
}

/** What a person sees of a connection's Groww token: never the token, only its life. */
export interface GrowwTokenState {
  mode: GrowwCredentials["mode"];
  /** A key (approval or TOTP) mints tokens itself; a pasted token must be replaced by a person. */
  renewable: boolean;
  /** When the token in use expires; null when none has been minted in this process yet. */
  expiresAt: Date | null;
}

/**
 * The token's expiry: a pasted one dies at the first 06:00 IST after it was saved (it was
 * generated before that, so this is the latest it can live); a minted one as the cache
 * recorded it.
 */
export function growwTokenState(credentials: GrowwCredentials, p: { savedAt: Date; cache?: TokenCache }): GrowwTokenState {
  const key = cacheKeyOf(credentials);
  if (!key) return { mode: credentials.mode, renewable: false, expiresAt: nextTokenExpiry(p.savedAt) };
  return { mode: credentials.mode, renewable: true, expiresAt: (p.cache ?? processTokenCache).get(key)?.expiresAt ?? null };
}

/** Drops the day's minted token, so the next call mints a fresh one ("Refresh token"). */
export function forgetGrowwToken(credentials: GrowwCredentials, cache: TokenCache = processTokenCache): void {
  const key = cacheKeyOf(credentials);
  if (key) cache.delete(key);
}

export class GrowwTokens {
  private readonly cacheKey: string | undefined;
  private readonly seen = new Set<string>();

  constructor(
    private readonly p: { credentials: GrowwCredentials; http: HttpClient; now: () => Date; cache: TokenCache },
  ) {
    this.cacheKey = cacheKeyOf(p.credentials);
  }

  /** Whether a refused token can be replaced without a human. */
  get renewable(): boolean {
    return this.p.credentials.mode !== "access_token";
  }

  /** Tokens handed out so far, for redaction. */
  get issued(): string[] {
    return [...this.seen];
  }

  async current(): Promise<string> {
    const c = this.p.credentials;
    if (c.mode === "access_token") return this.remember(c.accessToken);
    const cached = this.p.cache.get(this.cacheKey!);
    if (cached && this.p.now() < cached.refreshAt) {
      return this.remember(cached.token);
    }
    return this.mint();
  }

  /** Forgets a token Groww refused, so the next `current()` mints a new one. */
  invalidate(): void {
    if (this.cacheKey) this.p.cache.delete(this.cacheKey);
  }

  private async mint(): Promise<string> {
    const c = this.p.credentials;
    if (c.mode === "access_token") return c.accessToken;
    const now = this.p.now();
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const body =
      c.mode === "approval"
        ? { key_type: "approval", checksum: createHash("sha256").update(c.apiSecret + timestamp).digest("hex"), timestamp }
        : { key_type: "totp", totp: totpCode(decodeBase32(c.totpSecret), now) };
    try {
      const r = await this.p.http.request({
        method: "POST",
        path: "/v1/token/api/access",
        headers: { authorization: `Bearer ${c.apiKey}` },
        body: JSON.stringify(body),
        schema: tokenSchema,
        label: "POST /v1/token/api/access",
      });
      const stated = parseGrowwTime(r.data.expiry);
      const daily = nextTokenExpiry(now);
      const expiresAt = stated && stated < daily ? stated : daily;
      // A token minted just before 06:00 IST lives only seconds; it is still used, not re-minted at once.
      const margin = Math.min(GROWW_ASSUMPTIONS.tokenRefreshMarginMs, (expiresAt.getTime() - now.getTime()) / 2);
      this.p.cache.set(this.cacheKey!, { token: r.data.token, expiresAt, refreshAt: new Date(expiresAt.getTime() - margin) });
      return this.remember(r.data.token);
    } catch (e) {
      if (isConnectorError(e) && (e.kind === "auth" || e.kind === "permission" || e.kind === "invalid_request")) {
        throw new ConnectorError({
          kind: "auth",
          provider: "groww",
          endpoint: "POST /v1/token/api/access",
          message: `Groww refused to issue today's access token: the API key needs today's approval on ${APPROVAL_PAGE} (keys used with a ${c.mode === "totp" ? "TOTP" : "secret"} must be approved daily), then sync again. Groww said: ${e.message.replace(/^groww [^:]*: /, "")}`,
        });
      }
      throw e;
    }
  }

  private remember(token: string): string {
    this.seen.add(token);
    return token;
  }
}
