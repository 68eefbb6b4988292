import { EmptyState } from "@/components/ui/states";

/** Shown while no fill carries a strategy tag: how a trading bot tags its orders (docs/strategy-tags.md). */
export function NoTaggedOrders() {
  return (
    <EmptyState title="No tagged orders yet">
      <p>
        A strategy is named by the client order id of its orders: <code className="font-mono">&lt;strategy&gt;:&lt;rest&gt;</code>, for example{" "}
        <code className="font-mono">mm-btc:4221b</code> → <span className="font-mono">mm-btc</span> (a tag of 1–32 letters, digits, _ or -). On OKX, where ids are letters and
        digits only: <code className="font-mono">mmbtcX4221b</code> → <span className="font-mono">mmbtc</span> (a lowercase tag, then a capital X). Until then everything
        the venue holds is untagged, the residual below.
      </p>
    </EmptyState>
  );
}
