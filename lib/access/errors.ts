import type { WorkspaceRole } from "@/db/schema";

/**
 * Why a request was refused, with its HTTP status: 401 no session (or an API key that opens
 * nothing), 403 a role too low (the message names the role needed), 404 for anything outside
 * the viewer's workspace, which is never told apart from something that does not exist; 409
 * a request that clashes with what is there (inviting someone already invited); 429 an API
 * key over its rate limit, with the seconds to wait when known.
 */
export class AccessError extends Error {
  constructor(
    readonly status: 401 | 403 | 404 | 409 | 429,
    message: string,
    readonly retryAfterSeconds?: number,
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
export const keyRoleTooLow = (needed: WorkspaceRole, actual: WorkspaceRole, workspace: string) =>
  new AccessError(403, `This needs the ${needed} role or higher; this API key's role in ${workspace} is ${actual}`);
