import type { z } from "zod";
import { CredentialsKeyError, decryptCredentials } from "@/lib/security/credentials";
import { ConnectorError } from "../errors";

/**
 * Opens a connection's sealed credentials and checks their shape for one provider.
 * Messages name the missing field, never a value.
 */
export function openCredentials<T>(provider: string, schema: z.ZodType<T>, sealed: string | null, key?: Buffer): T {
  if (!sealed) throw new ConnectorError({ kind: "auth", provider, message: "no credentials are stored for this connection" });
  let plain: unknown;
  try {
    plain = decryptCredentials(sealed, key);
  } catch (e) {
    if (e instanceof CredentialsKeyError) throw new ConnectorError({ kind: "auth", provider, message: e.message });
    throw e;
  }
  const parsed = schema.safeParse(plain);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join(".") || "(root)";
    throw new ConnectorError({ kind: "invalid_request", provider, message: `stored credentials are invalid: ${field} (${issue.code})` });
  }
  return parsed.data;
}
