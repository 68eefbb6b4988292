/**
 * Strategy tags travel in the client order id: "<strategy>:<anything>", for example
 * "mm-btc:4221b". The tag is 1–32 letters, digits, "_" or "-". An id without the colon
 * (or with a tag outside that alphabet) carries no strategy.
 */
const TAG = /^([A-Za-z0-9][A-Za-z0-9_-]{0,31}):./;

export function strategyFromClientOrderId(clientOrderId: string | undefined): string | null {
  if (!clientOrderId) return null;
  return TAG.exec(clientOrderId)?.[1] ?? null;
}
