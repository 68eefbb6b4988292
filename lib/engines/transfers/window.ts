/**
 * How far apart in time a withdrawal and a deposit of the same asset and amount may be and
 * still be matched as one transfer (pass 2, "amount_time"), measured from the withdrawal's
 * time (the venue's request time) to the deposit's (credited or detected):
 *
 * - from 10 minutes before: two venues' clocks and record times differ (a deposit detected
 *   on chain can be stamped a little before the sending venue's own request time), never by
 *   much;
 * - to 6 hours after: a chain's confirmations (an hour of Bitcoin blocks, more when fees
 *   spike), the sending venue's review and batching, and the receiving venue's own
 *   confirmation count all pass inside it for the venues we read.
 *
 * A wider window would let an unrelated deposit of the same round amount pass for the
 * transfer; a bank wire, which takes days, is not matched by amount (a transaction id still
 * matches it whatever the delay). See docs/metrics.md, "Transfers between connections".
 */
export const TRANSFER_WINDOW = {
  beforeMs: 10 * 60_000,
  afterMs: 6 * 3_600_000,
  /** The same, as the page says it. */
  text: "10 minutes before to 6 hours after the withdrawal",
} as const;

/** True when a deposit at `depositAt` falls in the window of a withdrawal at `withdrawalAt`. */
export function inTransferWindow(withdrawalAt: Date, depositAt: Date): boolean {
  const gap = depositAt.getTime() - withdrawalAt.getTime();
  return gap >= -TRANSFER_WINDOW.beforeMs && gap <= TRANSFER_WINDOW.afterMs;
}
