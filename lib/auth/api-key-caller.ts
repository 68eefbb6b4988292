import { z } from "zod";
import type { Db } from "@/db/client";
import { readGrant } from "@/db/queries/api-key-grant";
import { apiKeyWorkspace } from "@/db/queries/api-keys";
import { API_KEY_PATTERN } from "./api-key-format";
import { isWorkspaceRole, lowerRole } from "./roles";
import type { Auth } from "./server";
import type { ViewerWorkspace } from "./viewer";

/** A request made with an API key: the key, and the workspace it acts in with the role it has there. */
export interface KeyCaller {
  keyId: string;
  workspace: ViewerWorkspace;
}

/** Why a key was refused; the message names the reason, never the key. */
export interface KeyRefusal {
  status: 401 | 429;
  message: string;
  /** For 429: when to try again, as the plugin counts it. */
  retryAfterSeconds?: number;
}

export type KeyResolution = { ok: true; caller: KeyCaller } | { ok: false; refusal: KeyRefusal };

/**
 * The key a request carries in `Authorization: Bearer <key>`: undefined when it carries
 * none (another scheme, or no header), "" when the header says Bearer and nothing more.
 */
export function bearerToken(headers: Headers): string | undefined {
  const match = /^\s*Bearer(?:\s+(.*))?$/i.exec(headers.get("authorization") ?? "");
  return match ? (match[1] ?? "").trim() : undefined;
}

const refuse = (status: 401 | 429, message: string, retryAfterSeconds?: number): KeyResolution => ({
  ok: false,
  refusal: retryAfterSeconds === undefined ? { status, message } : { status, message, retryAfterSeconds },
});

const MALFORMED = 'The API key is malformed: send "Authorization: Bearer vf_…" with the whole key as it was shown when it was created';

/**
 * Resolves a bearer key to the workspace and role it acts with. The API-key plugin checks
 * the key (hashed lookup, expiry, its per-key rate limit) and records the request as the
 * key's last use; then the key's grant gives its role, which never exceeds what its creator
 * may do today: a creator demoted to viewer makes their admin key a viewer key, and a
 * creator who has left, like a deleted workspace, leaves a key that opens nothing.
 */
export async function resolveApiKey(db: Db, auth: Auth, token: string): Promise<KeyResolution> {
  if (!API_KEY_PATTERN.test(token)) return refuse(401, MALFORMED);
  const verified = await auth.api.verifyApiKey({ body: { key: token } });
  if (!verified.valid || !verified.key) {
    const error = verified.error as { code?: string; details?: { tryAgainIn?: number } } | null;
    switch (error?.code) {
      case "KEY_EXPIRED":
        return refuse(401, "This API key has expired: an admin can create a new one in Settings, API keys");
      case "KEY_DISABLED":
        return refuse(401, "This API key is disabled");
      case "RATE_LIMITED":
        return refuse(429, "Too many requests with this API key: slow down and try again shortly", Math.max(1, Math.ceil((error.details?.tryAgainIn ?? 1000) / 1000)));
      case "USAGE_EXCEEDED":
        return refuse(429, "This API key has used up its requests");
      default:
        return refuse(401, "This API key is not valid: it is unknown or has been revoked");
    }
  }
  const grant = readGrant(verified.key.permissions);
  if (!grant) return refuse(401, "This API key carries no role: an admin can revoke it and create a new one in Settings, API keys");
  const workspaceId = z.uuid().safeParse(verified.key.referenceId);
  const found = workspaceId.success ? await apiKeyWorkspace(db, { workspaceId: workspaceId.data, creatorId: grant.createdBy }) : null;
  if (!found) return refuse(401, "This API key's workspace no longer exists");
  const { workspace, creatorRole } = found;
  if (!creatorRole || !isWorkspaceRole(creatorRole)) {
    return refuse(401, `The person who created this API key is no longer a member of ${workspace.name}: an admin can create a new key`);
  }
  return {
    ok: true,
    caller: {
      keyId: verified.key.id,
      workspace: {
        id: workspace.id,
        name: workspace.name,
        slug: workspace.slug,
        role: lowerRole(grant.role, creatorRole),
        baseCurrency: workspace.baseCurrency,
        timeZone: workspace.timeZone,
      },
    },
  };
}
