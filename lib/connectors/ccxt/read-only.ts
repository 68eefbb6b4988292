import { ConnectorError } from "@/lib/connectors/errors";

/**
 * Venuefolio only reads. A key that can also trade or move funds turns a leaked database
 * into lost money, so such a key is refused unless the connection explicitly allows it.
 */
export interface ReadOnlyPolicy {
  provider: string;
  venueName: string;
  /** What the key may do, as reported by the venue, in our words ("read", "trade", "withdraw", …). */
  permissions: readonly string[];
  /** Permissions that do not let the key change anything. */
  harmless: readonly string[];
  allowTradingKeys: boolean;
  /** Where in the venue's UI a read-only key is made. */
  howToCreateReadOnlyKey: string;
}

/** The permissions beyond reading, for the message; empty when the key is read-only. */
export function dangerousPermissions(p: Pick<ReadOnlyPolicy, "permissions" | "harmless">): string[] {
  return p.permissions.filter((x) => !p.harmless.includes(x));
}

export function enforceReadOnly(p: ReadOnlyPolicy): void {
  const extra = dangerousPermissions(p);
  if (extra.length === 0 || p.allowTradingKeys) return;
  const canTrade = extra.some((x) => !/withdraw|transfer/.test(x));
  const canMove = extra.some((x) => /withdraw|transfer/.test(x));
  const what = [canTrade ? "trade" : null, canMove ? "withdraw or transfer funds" : null].filter(Boolean).join(" and ");
  throw new ConnectorError({
    kind: "permission",
    provider: p.provider,
    message:
      `This API key can ${what} (${extra.join(", ")}). Venuefolio only reads, and refuses such keys so that ` +
      `a leaked key cannot move money. Create a read-only key — ${p.venueName}: ${p.howToCreateReadOnlyKey} — ` +
      `or, if you accept the risk, turn on "Allow trading keys" for this connection.`,
  });
}
