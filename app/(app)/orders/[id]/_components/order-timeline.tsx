import Link from "next/link";
import { formatQuantity } from "@/components/format";
import { symbolParts } from "@/components/orders/order-words";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";
import { When } from "@/components/ui/when";
import { ORDER_EVENT_LABELS, ORDER_STATUS_LABELS, type OrderDetailView, type OrderEventView } from "@/lib/read-models/order-schemas";
import { HashText } from "./hash-text";
import { RawPayload } from "./raw-payload";

const small = "text-xs text-fg-subtle";

function Change({ label, before, after, unit }: { label: string; before: string | null; after: string; unit?: string }) {
  return (
    <span className="tabular-nums">
      <span className={small}>{label} </span>
      {before === null ? "—" : before} → <span className="font-medium">{after}</span>
      {unit && <span className={small}> {unit}</span>}
    </span>
  );
}

/** Verified or not, in words: the mark is never colour alone. */
function ChainMark({ event }: { event: OrderEventView }) {
  return event.verified ? (
    <Badge tone="good" title="The account's chain, walked from its start, hashes correctly up to and including this event">
      ✓ verified
    </Badge>
  ) : (
    <Badge tone="bad" title="The account's chain is broken at or before this event: this event's place in the history cannot be trusted">
      ✗ not verified
    </Badge>
  );
}

/** One entry per order event, in the order the account's chain recorded them. */
export function OrderTimeline({ detail, timeZone }: { detail: OrderDetailView; timeZone: string }) {
  if (detail.events.length === 0) {
    return <EmptyState title="No events recorded">This order was stored without events (a sync records one for each change it sees).</EmptyState>;
  }
  const { base } = symbolParts(detail.order.symbol);
  return (
    <ol aria-label="Order events" className="space-y-3">
      {detail.events.map((e) => (
        <li key={e.seq} className="rounded-lg border border-line p-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="flex items-center gap-2">
              <span className="font-medium text-fg">{ORDER_EVENT_LABELS[e.type]}</span>
              <span className={`${small} font-mono`}>{e.type}</span>
              <span className={small}>event #{e.seq}</span>
            </span>
            <ChainMark event={e} />
          </div>
          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
            <Change label="Status" before={e.statusBefore && ORDER_STATUS_LABELS[e.statusBefore]} after={ORDER_STATUS_LABELS[e.statusAfter]} />
            <Change label="Quantity" before={e.quantityBefore && formatQuantity(e.quantityBefore)} after={formatQuantity(e.quantityAfter)} unit={base} />
            <Change label="Filled" before={e.filledBefore && formatQuantity(e.filledBefore)} after={formatQuantity(e.filledAfter)} unit={base} />
          </div>
          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-xs text-fg-muted">
            <span>
              <span className={small}>At the venue </span>
              <When iso={e.occurredAt} absolute timeZone={timeZone} />
            </span>
            <span>
              <span className={small}>Seen </span>
              <When iso={e.recordedAt} absolute timeZone={timeZone} />
            </span>
            <Link href={`/syncs/${e.syncBatchId}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
              Sync run →
            </Link>
          </div>
          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-xs">
            <HashText label="Hash" hash={e.hash} />
            <HashText label="Previous" hash={e.prevHash} />
          </div>
          <RawPayload label="Raw event payload" text={e.raw} />
        </li>
      ))}
    </ol>
  );
}
