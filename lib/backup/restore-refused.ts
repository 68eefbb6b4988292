/** A restore that would overwrite data: refused unless the operator passes --force. */
export class RestoreRefusedError extends Error {
  constructor(what: string) {
    super(`Refusing to restore: ${what} is not empty. Restoring replaces everything in it; run again with --force to do that.`);
    this.name = "RestoreRefusedError";
  }
}
