import { shortHash } from "@/components/orders/order-words";
import { CopyButton } from "@/components/ui/copy-button";

/** A chain hash shortened, the whole of it on hover and by Copy. */
export function HashText({ label, hash }: { label: string; hash: string }) {
  return (
    <span className="inline-flex items-center gap-1">
      <span className="text-fg-subtle">{label}</span>
      <code title={hash} className="font-mono">
        {shortHash(hash)}
      </code>
      <CopyButton text={hash} label={`Copy the ${label.toLowerCase()} hash`} copied="Hash copied" refused="The browser refused to copy" />
    </span>
  );
}
