"use client";

import { MoreHorizontal } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useRefreshingAction } from "@/components/forms/use-refreshing-action";
import { Dropdown } from "@/components/ui/dropdown";
import { acknowledgeAlert, muteAlerts, unacknowledgeAlert } from "@/lib/actions/alerts";
import { MUTE_PERIOD_LABELS } from "@/lib/alerts/mute-period";
import { ALERT_KIND_LABELS, type AlertView } from "@/lib/read-models/alert-schemas";
import { alertKeys } from "@/lib/read-models/query-options";

const item = "block w-full rounded-md px-3 py-2 text-left text-sm hover:bg-surface-2 disabled:opacity-60";
const PRESETS = ["1h", "1d", "1w"] as const;

/** A row's actions behind one menu: acknowledge (or take it back), and mute its rule for a while. */
export function AlertRowActions({ alert }: { alert: AlertView }) {
  const [open, setOpen] = useState(false);
  const { pending, run } = useRefreshingAction(alertKeys.all);
  const rule = alert.connectionLabel ? `${ALERT_KIND_LABELS[alert.kind]} on ${alert.connectionLabel}` : ALERT_KIND_LABELS[alert.kind];
  const done = (message: string) => () => {
    setOpen(false);
    toast.success(message);
  };
  return (
    <Dropdown
      open={open}
      onOpenChange={setOpen}
      triggerLabel={`Actions for ${alert.title}`}
      trigger={<MoreHorizontal aria-hidden className="size-4" />}
      panelClassName="w-64"
    >
      {alert.acknowledgedAt ? (
        <button type="button" className={item} disabled={pending} onClick={() => run(() => unacknowledgeAlert({ alertId: alert.id }), done("Acknowledgement taken back"))}>
          Un-acknowledge
        </button>
      ) : (
        <button type="button" className={item} disabled={pending} onClick={() => run(() => acknowledgeAlert({ alertId: alert.id }), done("Acknowledged"))}>
          Acknowledge
        </button>
      )}
      <p className="px-3 pt-2 pb-1 text-xs font-medium text-fg-subtle">Mute “{rule}” for</p>
      {PRESETS.map((period) => (
        <button
          key={period}
          type="button"
          className={item}
          disabled={pending}
          onClick={() => run(() => muteAlerts({ kind: alert.kind, connectionId: alert.connectionId, period }), done(`${rule} muted for ${MUTE_PERIOD_LABELS[period]}`))}
        >
          {MUTE_PERIOD_LABELS[period]}
        </button>
      ))}
    </Dropdown>
  );
}
