import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements, memberAc, ownerAc } from "better-auth/plugins/organization/access";
import { API_KEY_ROLES, type ApiKeyRole } from "@/db/queries/api-key-grant";
import type { WorkspaceRole } from "@/db/schema";

/**
 * The four workspace roles, lowest first. What each may do in the app (Resync, managing
 * connections…) is a minimum rank checked by `hasRole`; what each may do to the workspace
 * itself (members, invitations, deletion) is better-auth's organization access control below.
 */
export const ROLE_RANK: Record<WorkspaceRole, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

export function hasRole(actual: WorkspaceRole, needed: WorkspaceRole): boolean {
  return ROLE_RANK[actual] >= ROLE_RANK[needed];
}

/** The lower of two roles: what a key may do when its creator's own role has dropped below it. */
export function lowerRole(a: WorkspaceRole, b: WorkspaceRole): WorkspaceRole {
  return ROLE_RANK[a] <= ROLE_RANK[b] ? a : b;
}

/** The roles someone may give an API key: a key's role never exceeds its creator's. */
export function assignableKeyRoles(creator: WorkspaceRole): ApiKeyRole[] {
  return API_KEY_ROLES.filter((r) => hasRole(creator, r));
}

export function isWorkspaceRole(value: string): value is WorkspaceRole {
  return Object.hasOwn(ROLE_RANK, value);
}

/**
 * better-auth's organization roles: a viewer may change nothing about the workspace. The
 * API-key plugin checks `apiKey` statements against these same roles for a workspace's keys
 * (creating, listing, revoking), and better-auth's defaults have no such statement: without
 * it only the workspace's owner would pass. Admins manage keys as they manage members.
 */
const API_KEY_ACTIONS = ["create", "read", "update", "delete"] as const;
export const organizationAc = createAccessControl({ ...defaultStatements, apiKey: API_KEY_ACTIONS });
export const organizationRoles = {
  owner: organizationAc.newRole({ ...ownerAc.statements, apiKey: [...API_KEY_ACTIONS] }),
  admin: organizationAc.newRole({ ...adminAc.statements, apiKey: [...API_KEY_ACTIONS] }),
  member: organizationAc.newRole(memberAc.statements),
  viewer: organizationAc.newRole({ organization: [], member: [], invitation: [] }),
};
