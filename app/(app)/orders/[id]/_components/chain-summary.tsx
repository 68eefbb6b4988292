import { When } from "@/components/ui/when";
import type { OrderDetailView } from "@/lib/read-models/order-schemas";

const REASONS = {
  edited: "an event's content no longer matches its recorded hash",
  predecessor_missing: "the event an event follows is gone",
  unlinked: "an event is not reachable from the start of the chain",
} as const;

/** What the chain marks mean and what was checked: the method named next to the result. */
export function ChainSummary({ chain }: { chain: OrderDetailView["chain"] }) {
  const hashed = `re-hashing each (sha256 over its content and the previous hash)`;
  const cp = chain.checkpoint;
  const method = cp ? (
    <>
      Events through #{cp.lastSeq ?? 0} are verified by the account&apos;s audit checkpoint (its chain walked from the first event, checked at <When iso={cp.checkedAt} absolute />; re-walked in full daily);{" "}
      {chain.checkedEvents} later event{chain.checkedEvents === 1 ? "" : "s"} through this order&apos;s last were checked now, {hashed}.
    </>
  ) : (
    `Checked by walking the account's hash chain from its first event through this order's last (${chain.checkedEvents} events), ${hashed}, as npm run audit:verify does.`
  );
  return (
    <div role="status" className="space-y-1 text-sm">
      {chain.broken ? (
        <p className="font-medium text-rose-800 dark:text-rose-200">
          Chain broken at event #{chain.broken.seq}: {REASONS[chain.broken.reason]} ({chain.broken.detail}). Events before it are verified; it and every later one are not.
        </p>
      ) : (
        <p className="font-medium text-emerald-800 dark:text-emerald-200">Chain verified through this order&apos;s last event.</p>
      )}
      <p className="text-xs text-fg-subtle">{method}</p>
    </div>
  );
}
