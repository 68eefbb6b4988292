/**
 * A change a person asked for that cannot be made as asked (an interval outside the venue's
 * range, a confirmation that does not match): shown to them beside `field`, never a secret.
 */
export class ChangeRefusedError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "ChangeRefusedError";
  }
}
