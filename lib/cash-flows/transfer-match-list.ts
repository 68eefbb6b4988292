import type { Db } from "@/db/client";
import { listTransferMatchPage, type TransferMatchFilters } from "@/db/queries/cash-flow-matches";
import type { KeysetCursor } from "@/db/queries/keyset";
import type { TransferMatchMethod } from "@/db/schema";
import { toDecimalString } from "@/lib/money/decimal";

/** One leg of a match as a person reads it: where the money left or arrived, what and when. */
export interface TransferLeg {
  flowId: string;
  connectionId: string;
  connectionLabel: string;
  connectionDeleted: boolean;
  /** The account's (or fund's) name; null when neither is known. */
  holder: string | null;
  asset: string;
  amount: string;
  fee: string | null;
  feeAsset: string | null;
  occurredAt: Date;
  txId: string | null;
  network: string | null;
}

/** live: in force; undone: by a person; released: by the matcher, because a leg stopped counting. */
export type TransferMatchState = "live" | "undone" | "released";

export interface TransferMatchListing {
  id: string;
  state: TransferMatchState;
  method: TransferMatchMethod;
  matchedAt: Date;
  /** Null: made by the matcher. */
  matchedBy: string | null;
  undoneAt: Date | null;
  /** The name of who undid it; null when live or released. */
  undoneBy: string | null;
  out: TransferLeg;
  in: TransferLeg;
}

/** A keyset page of the workspace's matches, newest first by default, live and undone. */
export async function listTransferMatches(
  db: Db,
  p: { ownerId: string; cursor: KeysetCursor | null; limit: number; descending: boolean; filters: TransferMatchFilters },
): Promise<{ rows: TransferMatchListing[]; nextCursor: string | null; prevCursor: string | null }> {
  const page = await listTransferMatchPage(db, p);
  return {
    ...page,
    rows: page.rows.map((r) => ({
      id: r.match.id,
      state: r.match.undoneAt === null ? "live" : r.match.undoneBy === null ? "released" : "undone",
      method: r.match.method,
      matchedAt: r.match.matchedAt,
      matchedBy: r.matchedByName,
      undoneAt: r.match.undoneAt,
      undoneBy: r.undoneByName,
      out: toLeg(r.out),
      in: toLeg(r.in),
    })),
  };
}

type LegRow = Awaited<ReturnType<typeof listTransferMatchPage>>["rows"][number]["out"];

function toLeg(l: LegRow): TransferLeg {
  return {
    flowId: l.id,
    connectionId: l.connectionId,
    connectionLabel: l.connectionLabel,
    connectionDeleted: l.connectionDeleted,
    holder: l.holder,
    asset: l.asset,
    amount: toDecimalString(l.amount),
    fee: l.fee === null ? null : toDecimalString(l.fee),
    feeAsset: l.feeAsset,
    occurredAt: new Date(l.occurredAt),
    txId: l.txId,
    network: l.network,
  };
}
