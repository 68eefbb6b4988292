import type { WorkspaceRole } from "@/db/schema";

/**
 * Why a request was refused, with its HTTP status: 401 no session, 403 a role too low (the
 * message names the role needed), 404 for anything outside the viewer's workspace, which is
 * never told apart from something that does not exist; 409 a request that clashes with what
 * is there (inviting someone already invited).
 */
export class AccessError extends Error {
  constructor(
    readonly status: 401 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = "AccessError";
  }
}

export const signInRequired = () => new AccessError(401, "Sign in first: this needs a session");
/** Signed in, but in no workspace: never joined one, left or was removed, or the last one was deleted. */
export class NoWorkspaceError extends AccessError {
  constructor() {
    super(403, "You are not a member of any workspace: accept an invitation first");
    this.name = "NoWorkspaceError";
  }
}

export const noWorkspace = () => new NoWorkspaceError();
export const roleTooLow = (needed: WorkspaceRole, actual: WorkspaceRole, workspace: string) =>
  new AccessError(403, `This needs the ${needed} role or higher; your role in ${workspace} is ${actual}`);
