/**
 * A manual flow, reversal or replacement that cannot be made as asked. With `field`, the
 * input is wrong there (shown beside that field of the form); without, it clashes with what
 * is recorded (a flow already reversed, a reversal reversed): a 409 with this reason.
 */
export class FlowRefusedError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "FlowRefusedError";
  }
}
