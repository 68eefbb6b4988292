"use client";

import { useState } from "react";
import { toast } from "sonner";
import { FormError, useFormAction } from "@/components/forms/use-form-action";
import { fieldClass, secondaryButton } from "@/components/ui/buttons";
import { ALERT_KINDS, CONNECTION_ALERT_KINDS, type AlertKind } from "@/db/schema/alert-enums";
import { muteAlerts } from "@/lib/actions/alerts";
import { MUTE_PERIOD_LABELS, MUTE_PERIODS, type MutePeriod } from "@/lib/alerts/mute-period";
import { muteInputSchema } from "@/lib/read-models/alert-inputs";
import { ALERT_KIND_LABELS } from "@/lib/read-models/alert-schemas";
import { alertKeys } from "@/lib/read-models/query-options";

const aboutConnections = (kind: AlertKind) => (CONNECTION_ALERT_KINDS as readonly string[]).includes(kind);

/**
 * Mute a rule: a kind, one connection or all, for 1 hour, a day, a week or until a chosen
 * time (the browser's local time, sent with its offset). The same schema checks here and
 * on the server; a refusal is shown beside the form and keeps what was chosen.
 */
export function MuteForm({ connections }: { connections: Array<{ id: string; label: string }> }) {
  const [kind, setKind] = useState<AlertKind>("sync_failure");
  const [period, setPeriod] = useState<MutePeriod>("1d");
  const { pending, error, submit: send } = useFormAction(muteInputSchema, alertKeys.all);

  const submit = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const local = String(data.get("until") ?? "");
    const input = {
      kind,
      connectionId: aboutConnections(kind) ? String(data.get("connectionId") ?? "") || null : null,
      period,
      until: period === "custom" && local ? new Date(local).toISOString() : null,
    };
    send(form, input, (checked) => muteAlerts(checked), () => toast.success("Muted"));
  };

  return (
    <form
      noValidate
      aria-label="Mute a rule"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <label className="space-y-1 text-sm">
          <span className="block font-medium">Kind</span>
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as AlertKind)} className={fieldClass}>
            {ALERT_KINDS.map((k) => (
              <option key={k} value={k}>
                {ALERT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium">Connection</span>
          <select name="connectionId" disabled={!aboutConnections(kind)} defaultValue="" className={fieldClass}>
            <option value="">All connections</option>
            {connections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium">For</span>
          <select name="period" value={period} onChange={(e) => setPeriod(e.target.value as MutePeriod)} className={fieldClass}>
            {MUTE_PERIODS.map((p) => (
              <option key={p} value={p}>
                {MUTE_PERIOD_LABELS[p]}
              </option>
            ))}
          </select>
        </label>
        {period === "custom" && (
          <label className="space-y-1 text-sm">
            <span className="block font-medium">End</span>
            <input name="until" type="datetime-local" className={fieldClass} />
          </label>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={secondaryButton}>
          {pending ? "Muting…" : "Mute"}
        </button>
        <p className="text-xs text-fg-subtle">Muted alerts are still recorded and listed; they are just not sent.</p>
      </div>
      <FormError error={error} />
    </form>
  );
}
