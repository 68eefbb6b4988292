import { formatDateTime } from "@/components/format";
import type { DeliveryView } from "@/lib/read-models/channels";

/** How a channel's last delivery went: what the receiver answered, when, and whether it was a test. */
export function DeliveryStatus({ delivery }: { delivery: DeliveryView | null }) {
  if (!delivery) return <span className="text-fg-subtle">Nothing sent yet</span>;
  const what = delivery.test ? "Test" : "Alert";
  return (
    <span className={delivery.ok ? "text-emerald-700 dark:text-emerald-400" : "text-rose-700 dark:text-rose-300"} data-testid="last-delivery">
      {delivery.ok ? "✓" : "✗"} {what} {delivery.ok ? `delivered (${delivery.httpStatus ?? "ok"})` : `failed: ${delivery.error ?? "unknown"}`}
      <span className="text-fg-subtle">
        {" "}
        ·{" "}
        <time dateTime={delivery.at} suppressHydrationWarning>
          {formatDateTime(delivery.at)}
        </time>
      </span>
    </span>
  );
}
