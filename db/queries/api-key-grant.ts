import { z } from "zod";
import type { WorkspaceRole } from "../schema";

/**
 * The roles a key may carry, highest first: never owner (owning a workspace is a person's).
 * This file imports nothing at run time but zod, so the key form in the browser uses it too.
 */
export const API_KEY_ROLES = ["admin", "member", "viewer"] as const satisfies readonly WorkspaceRole[];
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

/**
 * What a key may do, kept in the API-key plugin's `permissions` column: the role it acts
 * with and who made it. `permissions` is the one column the plugin refuses to take from a
 * client request (its create and update routes answer SERVER_ONLY_PROPERTY), and metadata,
 * which a client may set, stays disabled. So nobody can give a key a role, or change whose
 * role caps it, except our own server action. Stored as better-auth stores permissions, a
 * record of string arrays: {"role":["member"],"createdBy":["<user id>"]}.
 */
export const apiKeyGrantSchema = z.object({
  role: z.tuple([z.enum(API_KEY_ROLES)]),
  createdBy: z.tuple([z.uuid()]),
});
export interface ApiKeyGrant {
  role: ApiKeyRole;
  createdBy: string;
}

export function grantPermissions(g: ApiKeyGrant): Record<string, string[]> {
  return { role: [g.role], createdBy: [g.createdBy] };
}

/**
 * The grant in a key's permissions (the JSON text of the column, or the object the plugin
 * parsed it into), or null when there is none or it is not ours: such a key is refused.
 */
export function readGrant(permissions: unknown): ApiKeyGrant | null {
  let value = permissions;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  const parsed = apiKeyGrantSchema.safeParse(value);
  return parsed.success ? { role: parsed.data.role[0], createdBy: parsed.data.createdBy[0] } : null;
}
