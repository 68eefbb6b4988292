/**
 * The strategy tag convention (docs/strategy-tags.md). A fill belongs to a strategy when
 * the order that made it says so:
 *
 * - in a venue field of its own, when the venue has one (IBKR `orderReference`);
 * - otherwise in the client order id, "<strategy>:<rest>": "mm-btc:4221b" → "mm-btc".
 *   The tag is 1–32 of [A-Za-z0-9_-], starting with a letter or digit.
 * - OKX allows no ":" (clOrdId is 1–32 alphanumerics), so on OKX the id is
 *   "<strategy>X<rest>": a lowercase tag of 1–16 [a-z0-9] starting with a letter, an
 *   uppercase "X", then the rest: "mmbtcX4221b" → "mmbtc". The first uppercase letter
 *   ends the tag, so the rule never splits inside it.
 *
 * "untagged" is reserved: the trade statistics file untagged fills under that name, so a
 * fill tagged "untagged" counts as untagged.
 */
export const RESERVED_STRATEGY = "untagged";

const COLON_TAG = /^([A-Za-z0-9][A-Za-z0-9_-]{0,31}):./;
const OKX_TAG = /^([a-z][a-z0-9]{0,15})X[A-Za-z0-9]+$/;

/** Client order id limits of the venues whose ids carry tags. */
export const CLIENT_ORDER_ID_RULES = {
  /** Binance spot `newClientOrderId` and USDⓈ-M futures: ^[.A-Z:/a-z0-9_-]{1,36}$. */
  binance: { maxLength: 36, charset: /^[.A-Z:/a-z0-9_-]+$/ },
  /** OKX `clOrdId`: 1–32 case-sensitive alphanumerics. */
  okx: { maxLength: 32, charset: /^[A-Za-z0-9]+$/ },
} as const;

/** The strategy a client order id carries, by the provider's rule; null when none. */
export function strategyFromClientOrderId(clientOrderId: string | null | undefined, provider?: string): string | null {
  if (!clientOrderId) return null;
  const match = (provider === "okx" ? OKX_TAG : COLON_TAG).exec(clientOrderId);
  const tag = match?.[1] ?? null;
  return tag === RESERVED_STRATEGY ? null : tag;
}

/**
 * A client order id for `strategy` that the venue accepts and that parses back to the
 * same strategy: what a trading bot should send. Throws RangeError when it cannot be made.
 */
export function clientOrderIdFor(provider: "binance" | "okx" | "other", strategy: string, rest: string): string {
  const id = provider === "okx" ? `${strategy}X${rest}` : `${strategy}:${rest}`;
  const rules = provider === "other" ? null : CLIENT_ORDER_ID_RULES[provider];
  if (rules && (id.length > rules.maxLength || !rules.charset.test(id))) {
    throw new RangeError(`"${id}" is not a valid ${provider} client order id (at most ${rules.maxLength} of ${rules.charset.source})`);
  }
  if (strategyFromClientOrderId(id, provider) !== strategy) {
    throw new RangeError(`"${strategy}" cannot be carried as a ${provider} strategy tag; see docs/strategy-tags.md`);
  }
  return id;
}
