import Link from "next/link";
import type { ReactNode } from "react";
import { formatQuantity } from "@/components/format";
import { ORDER_STATUS_TONE, symbolParts } from "@/components/orders/order-words";
import { Badge } from "@/components/ui/badge";
import { When } from "@/components/ui/when";
import { ORDER_STATUS_LABELS, type OrderView } from "@/lib/read-models/order-schemas";
import { quantityChangesHref } from "@/lib/read-models/quantity-change-schemas";

const term = "text-xs font-medium text-fg-subtle";

function Amount({ value, unit }: { value: string | null; unit: string | null }) {
  if (value === null) return <span className="text-fg-subtle">—</span>;
  return (
    <span className="tabular-nums">
      {formatQuantity(value)} {unit && <span className="text-xs text-fg-subtle">{unit}</span>}
    </span>
  );
}

/** The order as its venue last reported it: the projection of its events. */
export function OrderState({ order, timeZone }: { order: OrderView; timeZone: string }) {
  const { base, quote } = symbolParts(order.symbol);
  const items: Array<[string, ReactNode]> = [
    ["Status", <Badge key="s" tone={ORDER_STATUS_TONE[order.status]}>{ORDER_STATUS_LABELS[order.status]}</Badge>],
    ["Side · type", `${order.side} · ${order.type}`],
    ["Price", <Amount key="p" value={order.price} unit={quote} />],
    ["Quantity", <Amount key="q" value={order.quantity} unit={base} />],
    ["Filled", <Amount key="f" value={order.filledQuantity} unit={base} />],
    ["Average fill price", <Amount key="a" value={order.averagePrice} unit={quote} />],
    ["Strategy", order.strategy ?? "untagged"],
    ["Placed at", <When key="t" iso={order.placedAt} absolute timeZone={timeZone} />],
    ["Last change", <When key="u" iso={order.lastChangeAt} absolute timeZone={timeZone} />],
    [
      "Connection · account",
      <Link key="c" href={`/connections/${order.connectionId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
        {order.connectionLabel} · {order.accountName}
      </Link>,
    ],
    [
      "Quantity changes",
      <Link key="q" href={quantityChangesHref(order.symbol)} className="text-indigo-700 hover:underline dark:text-indigo-300">
        Every {order.symbol} order amendment →
      </Link>,
    ],
    ["Venue order id", <span key="v" className="font-mono text-xs">{order.venueOrderId}</span>],
    ["Client order id", <span key="i" className="font-mono text-xs">{order.clientOrderId ?? "—"}</span>],
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3 lg:grid-cols-4">
      {items.map(([label, value]) => (
        <div key={label} className="min-w-0">
          <dt className={term}>{label}</dt>
          <dd className="mt-0.5 break-words text-sm text-fg">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
