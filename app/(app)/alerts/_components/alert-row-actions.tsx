"use client";

import { toast } from "sonner";
import { useRefreshingAction } from "@/components/forms/use-refreshing-action";
import { rowButton } from "@/components/ui/buttons";
import { acknowledgeAlert, muteAlerts, unacknowledgeAlert } from "@/lib/actions/alerts";
import { MUTE_PERIOD_LABELS } from "@/lib/alerts/mute-period";
import { ALERT_KIND_LABELS, type AlertView } from "@/lib/read-models/alert-schemas";
import { alertKeys } from "@/lib/read-models/query-options";

const PRESETS = ["1h", "1d", "1w"] as const;

/**
 * A row's actions: acknowledge (or take it back), and mute its rule for a preset period.
 * The periods are a native select, not a popover: the table scrolls inside its card, and a
 * popover there would be cut off at its edge; the browser's own list never is.
 */
export function AlertRowActions({ alert }: { alert: AlertView }) {
  const { pending, run } = useRefreshingAction(alertKeys.all);
  const rule = alert.connectionLabel ? `${ALERT_KIND_LABELS[alert.kind]} on ${alert.connectionLabel}` : ALERT_KIND_LABELS[alert.kind];
  return (
    <div className="flex items-center gap-2">
      {alert.acknowledgedAt ? (
        <button
          type="button"
          className={rowButton}
          disabled={pending}
          aria-label={`Un-acknowledge ${alert.title}`}
          onClick={() => run(() => unacknowledgeAlert({ alertId: alert.id }), () => toast.success("Acknowledgement taken back"))}
        >
          Un-acknowledge
        </button>
      ) : (
        <button
          type="button"
          className={rowButton}
          disabled={pending}
          aria-label={`Acknowledge ${alert.title}`}
          onClick={() => run(() => acknowledgeAlert({ alertId: alert.id }), () => toast.success("Acknowledged"))}
        >
          Acknowledge
        </button>
      )}
      <select
        aria-label={`Mute ${rule} for`}
        disabled={pending}
        value=""
        onChange={(e) => {
          const period = e.target.value as (typeof PRESETS)[number];
          if (period) run(() => muteAlerts({ kind: alert.kind, connectionId: alert.connectionId, period }), () => toast.success(`${rule} muted for ${MUTE_PERIOD_LABELS[period]}`));
        }}
        className="rounded-md border border-line bg-surface px-2 py-1 text-xs text-fg"
      >
        <option value="">Mute…</option>
        {PRESETS.map((period) => (
          <option key={period} value={period}>
            {MUTE_PERIOD_LABELS[period]}
          </option>
        ))}
      </select>
    </div>
  );
}
