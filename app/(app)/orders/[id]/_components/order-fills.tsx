import { formatQuantity } from "@/components/format";
import { symbolParts } from "@/components/orders/order-words";
import { EmptyState } from "@/components/ui/states";
import { When } from "@/components/ui/when";
import type { OrderDetailView } from "@/lib/read-models/order-schemas";
import { RawPayload } from "./raw-payload";

const th = "px-3 py-2 text-left text-xs font-medium text-fg-subtle";
const num = "px-3 py-2 text-right tabular-nums";

/** The executions of this order, oldest first. */
export function OrderFills({ detail, timeZone }: { detail: OrderDetailView; timeZone: string }) {
  if (detail.fills.length === 0) return <EmptyState title="No fills">Nothing of this order has executed.</EmptyState>;
  const { base, quote } = symbolParts(detail.order.symbol);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label="Fills">
        <thead className="border-b border-line">
          <tr>
            <th className={th}>Executed at</th>
            <th className={`${th} text-right`}>Price{quote ? ` (${quote})` : ""}</th>
            <th className={`${th} text-right`}>Quantity{base ? ` (${base})` : ""}</th>
            <th className={`${th} text-right`}>Fee</th>
            <th className={th}>Maker / taker</th>
            <th className={th}>Strategy</th>
          </tr>
        </thead>
        <tbody>
          {detail.fills.map((f) => (
            <tr key={f.id} className="border-b border-line align-top last:border-0">
              <td className="px-3 py-2">
                <When iso={f.executedAt} absolute timeZone={timeZone} />
                <RawPayload label="Raw fill payload" text={f.raw} />
              </td>
              <td className={num}>{formatQuantity(f.price)}</td>
              <td className={num}>{formatQuantity(f.quantity)}</td>
              <td className={num}>
                {formatQuantity(f.fee)} <span className="text-xs text-fg-subtle">{f.feeAsset}</span>
              </td>
              <td className="px-3 py-2">{f.liquidity ?? <span className="text-fg-subtle">not reported</span>}</td>
              <td className="px-3 py-2">{f.strategy ?? <span className="text-fg-subtle">untagged</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
