/**
 * A transaction id as two venues can be compared on: trimmed, lower case (an EVM hash is
 * hexadecimal, written "0xAB…" by one venue and "0xab…" by another), without the "0x" some
 * venues leave off. Null when there is none (absent or blank).
 *
 * Lower-casing would also fold a case-sensitive id (a base58 Solana signature); two distinct
 * ones of the same asset differing only in case are not a risk worth a per-chain rule.
 */
export function normalizeTxId(txId: string | null | undefined): string | null {
  const t = txId?.trim().toLowerCase() ?? "";
  const bare = t.startsWith("0x") ? t.slice(2) : t;
  return bare === "" ? null : bare;
}
