import type { TransferCandidate } from "./types";

/** 2026-03-02 10:00 UTC plus `minutes`: the scenes' clock. */
export const at = (minutes = 0) => new Date(Date.UTC(2026, 2, 2, 10, 0) + minutes * 60_000);

/** A confirmed, counted flow of `connectionId`; `over` sets the rest. */
export function flow(id: string, connectionId: string, kind: TransferCandidate["kind"], amount: string, minutes: number, over: Partial<TransferCandidate> = {}): TransferCandidate {
  return { id, connectionId, kind, asset: "BTC", amount, occurredAt: at(minutes), status: "confirmed", internal: false, reversed: false, ...over };
}
