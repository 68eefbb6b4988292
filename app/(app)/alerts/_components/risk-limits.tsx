"use client";

import { LoaderCircle } from "lucide-react";
import { toast } from "sonner";
import { FormError, useFormAction } from "@/components/forms/use-form-action";
import { useRefreshingAction } from "@/components/forms/use-refreshing-action";
import { fieldClass, secondaryButton } from "@/components/ui/buttons";
import { checkRisksNow, saveRiskThresholds } from "@/lib/actions/alerts";
import { thresholdsInputSchema } from "@/lib/read-models/alert-inputs";
import { alertKeys } from "@/lib/read-models/query-options";

/** "Check now" (members and above): the hourly risk checks, run at once. */
export function CheckRisksButton() {
  const { pending, run } = useRefreshingAction(alertKeys.all);
  return (
    <button
      type="button"
      disabled={pending}
      className={secondaryButton}
      onClick={() =>
        run(
          () => checkRisksNow({}),
          (r) => toast.success(`Risk checks done: ${r.raised} alert${r.raised === 1 ? "" : "s"} raised or still open, ${r.resolved} resolved`),
        )
      }
    >
      {pending && <LoaderCircle aria-hidden className="size-4 animate-spin" />}
      {pending ? "Checking…" : "Check risks now"}
    </button>
  );
}

/**
 * The workspace's risk limits, in percent: one asset's share of the allocation, and
 * NAV per unit's distance below its peak. Admins edit them; everyone sees them.
 */
export function RiskLimits({ concentrationPct, drawdownPct, canEdit }: { concentrationPct: string; drawdownPct: string; canEdit: boolean }) {
  const { pending, error, submit: send } = useFormAction(thresholdsInputSchema, alertKeys.all);
  if (!canEdit) {
    return (
      <p className="text-sm text-fg-muted">
        Alert when one asset exceeds <strong className="text-fg">{concentrationPct} %</strong> of the allocation, or NAV per unit falls{" "}
        <strong className="text-fg">{drawdownPct} %</strong> below its peak. Admins and owners change these.
      </p>
    );
  }
  const submit = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const input = { concentrationPct: String(data.get("concentrationPct") ?? ""), drawdownPct: String(data.get("drawdownPct") ?? "") };
    // The action takes the percentages as typed and checks them with the same schema.
    send(form, input, (_, typed) => saveRiskThresholds(typed), () => toast.success("Risk limits saved; they apply from the next check"));
  };
  return (
    <form
      noValidate
      aria-label="Risk limits"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <label className="space-y-1 text-sm">
          <span className="block font-medium">Concentration limit (%)</span>
          <input name="concentrationPct" inputMode="decimal" defaultValue={concentrationPct} className={`${fieldClass} w-32`} />
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium">Drawdown limit (%)</span>
          <input name="drawdownPct" inputMode="decimal" defaultValue={drawdownPct} className={`${fieldClass} w-32`} />
        </label>
        <button type="submit" disabled={pending} className={secondaryButton}>
          {pending ? "Saving…" : "Save limits"}
        </button>
      </div>
      <p className="text-xs text-fg-subtle">
        One non-cash asset above the concentration share of the allocation (spot and derivatives netted), or NAV per unit this far below its running peak (deposits and withdrawals never move it), raises an alert. Checked hourly.
      </p>
      <FormError error={error} />
    </form>
  );
}
