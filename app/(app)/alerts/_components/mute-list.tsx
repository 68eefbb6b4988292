"use client";

import { toast } from "sonner";
import { formatDateTime } from "@/components/format";
import { useRefreshingAction } from "@/components/forms/use-refreshing-action";
import { rowButton } from "@/components/ui/buttons";
import { unmuteAlerts } from "@/lib/actions/alerts";
import { ALERT_KIND_LABELS, type MuteView } from "@/lib/read-models/alert-schemas";
import { alertKeys } from "@/lib/read-models/query-options";

/** The mutes in force, soonest to end first, each with its end and (for members) Unmute. */
export function MuteList({ mutes, canAct }: { mutes: MuteView[]; canAct: boolean }) {
  const { pending, run } = useRefreshingAction(alertKeys.all);
  if (mutes.length === 0) return <p className="text-sm text-fg-muted">Nothing is muted: every new alert goes to the channels that take its kind.</p>;
  return (
    <ul className="divide-y divide-line text-sm" aria-label="Muted rules">
      {mutes.map((m) => {
        const rule = `${ALERT_KIND_LABELS[m.kind]} · ${m.connectionLabel ?? "all connections"}`;
        return (
          <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span className="min-w-0">
              <span className="font-medium">{rule}</span>
              <span className="ml-2 text-fg-muted">
                until{" "}
                <time dateTime={m.until} suppressHydrationWarning>
                  {formatDateTime(m.until)}
                </time>
              </span>
            </span>
            {canAct && (
              <button
                type="button"
                className={rowButton}
                disabled={pending}
                aria-label={`Unmute ${rule}`}
                onClick={() => run(() => unmuteAlerts({ muteId: m.id }), () => toast.success(`${rule} unmuted`))}
              >
                Unmute
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
