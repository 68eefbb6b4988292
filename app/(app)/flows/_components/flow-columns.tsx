"use client";

import Link from "next/link";
import { formatMoney, formatQuantity } from "@/components/format";
import { dataTableColumns } from "@/components/data-table/table-features";
import { Badge } from "@/components/ui/badge";
import { When } from "@/components/ui/when";
import { FLOW_COUNT_LABELS, FLOW_KIND_LABELS, FLOW_SOURCE_LABELS, flowDirection, INCOME_KIND_LABELS, type FlowAccountOption, type FlowView } from "@/lib/read-models/cash-flow-schemas";
import { FlowRowActions } from "./flow-row-actions";
import { COUNT_TONE, STATUS_TONE } from "./flow-tones";
import { flowSummary, type FlowWorkspace } from "./flow-words";

const col = dataTableColumns<FlowView>();
const link = "font-medium text-indigo-700 hover:underline dark:text-indigo-300";
const small = "text-xs text-fg-subtle";

/** A long id shortened in the middle; the whole of it on hover. */
function Truncated({ text }: { text: string }) {
  const short = text.length > 16 ? `${text.slice(0, 8)}…${text.slice(-6)}` : text;
  return (
    <span title={text} className="font-mono text-xs">
      {short}
    </span>
  );
}

function Value({ f }: { f: FlowView }) {
  if (f.valueBase === null)
    return (
      <Badge tone="warn" title={`No price in ${f.baseCurrency} was known at this flow's time, so it moves nothing. Replace it with a valued one to count it.`}>
        unvalued
      </Badge>
    );
  const signed = flowDirection(f.kind) < 0 ? `-${f.valueBase}` : f.valueBase;
  return (
    <span className="flex flex-col items-end tabular-nums">
      <span>{formatMoney(signed, f.baseCurrency, { signed: true })}</span>
      {f.priceSource && <span className={small}>{f.priceSource === "par" ? "at par" : f.priceSource === "manual" ? "value given" : `by ${f.priceSource}`}</span>}
    </span>
  );
}

function Counts({ f, timeZone }: { f: FlowView; timeZone: string }) {
  const state = FLOW_COUNT_LABELS[f.counts];
  return (
    <div className="flex max-w-xs flex-col items-start gap-1 whitespace-normal">
      <Badge tone={COUNT_TONE[f.counts]} title={state.explain}>
        {state.label}
      </Badge>
      {f.counts === "internal" && f.internalReason && <span className={small}>{f.internalReason}</span>}
      {f.reversal && (
        <span className={small}>
          Reversed{f.reversal.by ? ` by ${f.reversal.by}` : ""}, <When iso={f.reversal.at} absolute timeZone={timeZone} />
          {f.reversal.note && <span className="block text-fg-muted">“{f.reversal.note}”</span>}
        </span>
      )}
      {f.replacedById && (
        <Link href={`/flows?find=${f.id}`} className={`text-xs ${link}`}>
          Replaced: see both →
        </Link>
      )}
      {f.replaces && (
        <Link href={`/flows?find=${f.replaces.id}`} className={`text-xs ${link}`}>
          Replaces {flowSummary(f.replaces, timeZone)} →
        </Link>
      )}
    </div>
  );
}

/** The /flows columns; Reverse and Replace only for roles that may correct flows (member and above). */
export function flowColumns(p: { canAct: boolean; accounts: FlowAccountOption[]; workspace: FlowWorkspace }) {
  const { timeZone } = p.workspace;
  const columns = col.columns([
    col.accessor("occurredAt", { header: "When", cell: (info) => <When iso={info.getValue()} absolute timeZone={timeZone} /> }),
    col.accessor("connectionLabel", {
      header: "Connection · account",
      cell: (info) => {
        const f = info.row.original;
        return (
          <span className="flex flex-col">
            {f.connectionDeleted ? (
              <span title="This connection was deleted; its history is kept">{info.getValue()} (deleted)</span>
            ) : (
              <Link href={`/connections/${f.connectionId}`} className={link}>
                {info.getValue()}
              </Link>
            )}
            <span className={small}>{f.holderLabel ?? "—"}</span>
          </span>
        );
      },
    }),
    col.accessor("kind", {
      header: "Kind",
      cell: (info) => {
        const f = info.row.original;
        return (
          <span className="flex flex-col">
            <span>{FLOW_KIND_LABELS[f.kind]}</span>
            {f.incomeKind && <span className={small}>{INCOME_KIND_LABELS[f.incomeKind]}</span>}
            {f.description && (
              <span className={`${small} block max-w-48 truncate`} title={f.description}>
                {f.description}
              </span>
            )}
          </span>
        );
      },
    }),
    col.accessor("amount", {
      header: "Amount",
      meta: { align: "right" },
      cell: (info) => {
        const f = info.row.original;
        return (
          <span className="flex flex-col items-end tabular-nums">
            <span>
              {formatQuantity(f.amount)} {f.asset}
            </span>
            {f.fee && (
              <span className={small}>
                fee {formatQuantity(f.fee)} {f.feeAsset ?? f.asset}
              </span>
            )}
          </span>
        );
      },
    }),
    col.accessor("valueBase", { header: `Value (${p.workspace.baseCurrency})`, meta: { align: "right" }, cell: (info) => <Value f={info.row.original} /> }),
    col.accessor("status", {
      header: "Status",
      cell: (info) => (
        <Badge tone={STATUS_TONE[info.getValue()]} title={info.row.original.venueStatus ? `The venue's status: ${info.row.original.venueStatus}` : undefined}>
          {info.getValue()}
        </Badge>
      ),
    }),
    col.accessor("source", {
      header: "Source",
      cell: (info) => {
        const f = info.row.original;
        return (
          <span className="flex flex-col">
            <span>{FLOW_SOURCE_LABELS[f.source]}</span>
            {f.source === "manual" && (
              <span className={small}>
                {f.enteredBy ? `by ${f.enteredBy}, ` : ""}
                <When iso={f.recordedAt} absolute timeZone={timeZone} />
              </span>
            )}
            {f.note && (
              <span className={`${small} block max-w-48 truncate`} title={f.note}>
                “{f.note}”
              </span>
            )}
          </span>
        );
      },
    }),
    col.accessor("txId", {
      header: "Tx",
      cell: (info) => {
        const f = info.row.original;
        if (!f.txId) return <span className="text-fg-subtle">—</span>;
        return (
          <span className="flex flex-col">
            <Truncated text={f.txId} />
            {f.network && <span className={small}>{f.network}</span>}
          </span>
        );
      },
    }),
    col.accessor("counts", { header: "Counts?", cell: (info) => <Counts f={info.row.original} timeZone={timeZone} /> }),
  ]);
  if (!p.canAct) return columns;
  return [
    ...columns,
    col.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: (info) => <FlowRowActions flow={info.row.original} accounts={p.accounts} workspace={p.workspace} />,
    }),
  ];
}
