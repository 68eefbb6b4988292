import Link from "next/link";
import { formatMoney } from "@/components/format";
import type { NetDepositsView } from "@/lib/read-models/cash-flow-schemas";

export const NET_DEPOSITS_METHOD =
  "Confirmed deposits and subscriptions minus withdrawals and redemptions, valued at the flow's time; internal and matched transfers excluded.";

/** The workspace's net deposits in its base currency, with the method named and what it leaves out. */
export function NetDeposits({ net }: { net: NetDepositsView }) {
  return (
    <div className="space-y-2">
      <p className="text-3xl font-semibold tabular-nums" data-testid="net-deposits" title={NET_DEPOSITS_METHOD}>
        {formatMoney(net.net, net.currency, { signed: true })}
      </p>
      <p className="text-sm text-fg-muted">
        {NET_DEPOSITS_METHOD} Over {net.counted.toLocaleString("en-US")} counted flow{net.counted === 1 ? "" : "s"}, in {net.currency}.
      </p>
      {net.unvalued > 0 && (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/60 dark:text-amber-200">
          Excludes {net.unvalued} unvalued flow{net.unvalued === 1 ? "" : "s"}: no price in {net.currency} was known at {net.unvalued === 1 ? "its" : "their"} time.
          Replace {net.unvalued === 1 ? "it" : "each"} with a valued one to count {net.unvalued === 1 ? "it" : "them"}.{" "}
          <Link href="/flows?counted=yes" className="font-medium underline">
            Show counted flows
          </Link>
        </p>
      )}
    </div>
  );
}
