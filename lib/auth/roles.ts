import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements, memberAc, ownerAc } from "better-auth/plugins/organization/access";
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

export function isWorkspaceRole(value: string): value is WorkspaceRole {
  return Object.hasOwn(ROLE_RANK, value);
}

/** better-auth's organization roles: a viewer may change nothing about the workspace. */
export const organizationAc = createAccessControl(defaultStatements);
export const organizationRoles = {
  owner: organizationAc.newRole(ownerAc.statements),
  admin: organizationAc.newRole(adminAc.statements),
  member: organizationAc.newRole(memberAc.statements),
  viewer: organizationAc.newRole({ organization: [], member: [], invitation: [] }),
};
