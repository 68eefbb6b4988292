"use client";

import Link from "next/link";
import { formatDateTime, formatQuantity } from "@/components/format";
import { dataTableColumns } from "@/components/data-table/table-features";
import { Badge } from "@/components/ui/badge";
import { D } from "@/lib/money/decimal";
import { TRANSFER_METHOD_LABELS, type TransferLegView, type TransferMatchView } from "@/lib/read-models/transfer-match-schemas";
import { UndoMatchButton } from "./undo-match-button";

const col = dataTableColumns<TransferMatchView>();

const time = (iso: string) => (
  <time dateTime={iso} suppressHydrationWarning>
    {formatDateTime(iso)}
  </time>
);

/** Where the money left or arrived: the connection (linked while it exists), its account, when. */
function Leg({ leg }: { leg: TransferLegView }) {
  return (
    <div className="flex flex-col">
      {leg.connectionDeleted ? (
        <span className="font-medium">
          {leg.connectionLabel} <span className="text-xs font-normal text-fg-subtle">(deleted)</span>
        </span>
      ) : (
        <Link href={`/connections/${leg.connectionId}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          {leg.connectionLabel}
        </Link>
      )}
      {leg.holder && <span className="text-xs text-fg-muted">{leg.holder}</span>}
      <span className="text-xs text-fg-subtle">{time(leg.occurredAt)}</span>
    </div>
  );
}

/** The amount sent; the amount received beside it when the receiving venue credited less (its fee), and the withdrawal's fee. */
function Amount({ match }: { match: TransferMatchView }) {
  const { out, in: deposit } = match;
  const differs = !new D(out.amount).eq(deposit.amount);
  return (
    <div className="flex flex-col items-end tabular-nums">
      <span className="font-medium">
        {formatQuantity(out.amount)} {out.asset}
      </span>
      {differs && (
        <span className="text-xs text-fg-muted" title="The receiving venue credited a different amount under the same transaction id">
          received {formatQuantity(deposit.amount)} {deposit.asset}
        </span>
      )}
      {out.fee && (
        <span className="text-xs text-fg-subtle">
          fee {formatQuantity(out.fee)} {out.feeAsset ?? out.asset}
        </span>
      )}
    </div>
  );
}

/** The transaction id, shortened, whole on hover; the network when the venue named it. */
function TxId({ match }: { match: TransferMatchView }) {
  const tx = match.out.txId ?? match.in.txId;
  const network = match.out.network ?? match.in.network;
  if (!tx) return <span className="text-fg-subtle">—</span>;
  const short = tx.length > 18 ? `${tx.slice(0, 10)}…${tx.slice(-6)}` : tx;
  return (
    <div className="flex flex-col">
      <span className="font-mono text-xs" title={tx}>
        {short}
      </span>
      {network && <span className="text-xs text-fg-subtle">{network}</span>}
    </div>
  );
}

function State({ match }: { match: TransferMatchView }) {
  if (match.state === "live") return <Badge tone="good">matched</Badge>;
  return (
    <div className="flex flex-col items-start gap-1">
      <Badge>{match.state === "released" ? "released" : "undone"}</Badge>
      <span className="text-xs text-fg-muted">
        {match.state === "released" ? "a leg no longer counts (reversed or not confirmed)" : `by ${match.undoneBy ?? "a former member"}`}
      </span>
      {match.undoneAt && <span className="text-xs text-fg-subtle">{time(match.undoneAt)}</span>}
    </div>
  );
}

/** The /flows/transfers columns; Undo only for roles that may use it (member and above). */
export function transferColumns(canUndo: boolean) {
  const columns = col.columns([
    col.accessor("out", { id: "from", header: "From (withdrawal)", cell: (info) => <Leg leg={info.getValue()} /> }),
    col.accessor("in", { id: "to", header: "To (deposit)", cell: (info) => <Leg leg={info.getValue()} /> }),
    col.display({ id: "amount", header: "Amount", meta: { align: "right" }, cell: (info) => <Amount match={info.row.original} /> }),
    col.display({ id: "tx", header: "Transaction", cell: (info) => <TxId match={info.row.original} /> }),
    col.accessor("matchedAt", {
      header: "Matched",
      cell: (info) => (
        <div className="flex flex-col">
          <span>by {TRANSFER_METHOD_LABELS[info.row.original.method]}</span>
          <span className="text-xs text-fg-muted">{info.row.original.matchedBy ? `by ${info.row.original.matchedBy}` : "automatically"}</span>
          <span className="text-xs text-fg-subtle">{time(info.getValue())}</span>
        </div>
      ),
    }),
    col.display({ id: "state", header: "State", cell: (info) => <State match={info.row.original} /> }),
  ]);
  if (!canUndo) return columns;
  return [
    ...columns,
    col.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: (info) => (info.row.original.state === "live" ? <UndoMatchButton match={info.row.original} /> : null),
    }),
  ];
}
