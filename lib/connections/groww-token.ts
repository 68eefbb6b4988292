import type { Db } from "@/db/client";
import { getConnection } from "@/db/queries/connections";
import type { Connection } from "@/db/schema";
import { forgetGrowwToken, growwCredentialsSchema, growwTokenState, type GrowwTokenState } from "@/lib/connectors/groww";
import { openCredentials } from "@/lib/connectors/http/credentials";
import { ChangeRefusedError } from "./change-refused";
import type { ConnectionDeps } from "./input";
import { rotateCredentials } from "./rotate-credentials";
import { testStoredConnection } from "./test-connection";

export type { GrowwTokenState };

/**
 * A Groww connection's token as the page shows it (mode and expiry, never the token);
 * null for any other venue, or when the stored credentials cannot be opened (the page
 * then shows the sync's own error instead).
 */
export function growwTokenOf(conn: Pick<Connection, "provider" | "credentialsEncrypted" | "credentialsUpdatedAt" | "createdAt">, key?: Buffer): GrowwTokenState | null {
  if (conn.provider !== "groww" || !conn.credentialsEncrypted) return null;
  try {
    const credentials = openCredentials("groww", growwCredentialsSchema, conn.credentialsEncrypted, key);
    return growwTokenState(credentials, { savedAt: conn.credentialsUpdatedAt ?? conn.createdAt });
  } catch {
    return null;
  }
}

/**
 * "Refresh token". A key (approval or TOTP flow) mints today's token now: the cached one is
 * dropped and one signed call mints and proves a new one. A pasted token cannot be renewed
 * by us: the person pastes today's, which is tested and swapped like any rotation. Either
 * way a refusal leaves the stored credentials as they were.
 */
export async function refreshGrowwToken(
  db: Db,
  p: { ownerId: string; connectionId: string; accessToken?: string },
  deps: ConnectionDeps = {},
): Promise<GrowwTokenState> {
  const conn = await getConnection(db, p);
  if (conn.provider !== "groww") throw new ChangeRefusedError("Only Groww connections have a daily token");
  const credentials = openCredentials("groww", growwCredentialsSchema, conn.credentialsEncrypted, deps.credentialsKey);
  if (credentials.mode === "access_token") {
    const accessToken = p.accessToken?.trim();
    if (!accessToken) throw new ChangeRefusedError("Paste today's access token from Groww → Trading APIs", "accessToken");
    await rotateCredentials(db, { ...p, credentials: { mode: "access_token", accessToken } }, deps);
  } else {
    forgetGrowwToken(credentials);
    await testStoredConnection(db, p, deps);
  }
  return growwTokenOf(await getConnection(db, p), deps.credentialsKey)!;
}
