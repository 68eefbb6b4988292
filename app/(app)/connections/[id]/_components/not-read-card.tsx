import { Card } from "@/components/ui/card";
import { When } from "@/components/ui/when";
import type { ConnectionDetail } from "@/lib/read-models/connection-detail";

/**
 * What the venue holds that this connection does not read (a portfolio-margin account,
 * untriggered algo orders…), as the last finished run reported it: a gap shown, never a
 * silent one. Totals and history on the other pages leave these out.
 */
export function NotReadCard({ notRead }: { notRead: NonNullable<ConnectionDetail["notRead"]> }) {
  return (
    <Card title="Not read from this venue">
      <div role="note" className="space-y-2 text-sm">
        <p className="text-fg-muted">
          Left out of balances, positions, orders and every total, as of the run started <When iso={notRead.runStartedAt} />:
        </p>
        <ul className="list-disc space-y-1 pl-5 break-words">
          {notRead.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </div>
    </Card>
  );
}
