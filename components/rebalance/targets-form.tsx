"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { refusal } from "@/components/forms/action-result";
import { fieldClass, primaryButton, rowButton, secondaryButton } from "@/components/ui/buttons";
import { saveRebalanceTargets } from "@/lib/actions/rebalance-targets";
import { TARGET_SUM_TOLERANCE_PCT, saveTargetsSchema } from "@/lib/rebalance/targets-input";
import { DEFAULT_BAND_PCT, rowsSum, type TargetRow } from "./target-rows";

const fieldName = (path: PropertyKey[]) => path.map(String).join(".");

/**
 * The target weights of one portfolio, edited as a whole: the set is checked here with the
 * action's own schema (weights ≥ 0, summing to 100 % ± 0.01), the first bad field gets focus
 * and its message, and only a valid set is sent. A refused set leaves the saved one as it was.
 */
export function TargetsForm({ portfolio, initial, canEdit }: { portfolio: string; initial: TargetRow[]; canEdit: boolean }) {
  const router = useRouter();
  const [rows, setRows] = useState<TargetRow[]>(initial);
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const total = rowsSum(rows);

  const change = (i: number, key: keyof TargetRow, value: string) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, [key]: value } : r)));

  const submit = (form: HTMLFormElement) => {
    setError(null);
    const parsed = saveTargetsSchema.safeParse({ portfolio, targets: rows });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.length > 0 ? fieldName(issue.path) : null;
      setError({ field, message: issue.message });
      const el = field ? form.elements.namedItem(field) : null;
      if (el instanceof HTMLElement) el.focus();
      return;
    }
    startTransition(async () => {
      const answer = await saveRebalanceTargets({ portfolio, targets: rows });
      if (answer?.data === undefined) {
        setError({ field: null, message: refusal(answer, "The targets were not saved") });
        return;
      }
      toast.success(`Saved ${answer.data.targets} target weights`);
      router.refresh();
    });
  };

  return (
    <form
      noValidate
      aria-label="Target weights"
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
      className="space-y-3"
    >
      <fieldset disabled={!canEdit || pending} className="space-y-2">
        <legend className="sr-only">Target weight and tolerance band per asset, in %</legend>
        {rows.map((r, i) => (
          <div key={i} className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)_auto] items-end gap-2">
            <label className="text-xs text-fg-subtle">
              Asset
              <input name={`targets.${i}.asset`} className={fieldClass} value={r.asset} onChange={(e) => change(i, "asset", e.target.value)} aria-invalid={error?.field === `targets.${i}.asset`} autoComplete="off" />
            </label>
            <label className="text-xs text-fg-subtle">
              Target %
              <input name={`targets.${i}.weight`} inputMode="decimal" className={`${fieldClass} text-right tabular-nums`} value={r.weight} onChange={(e) => change(i, "weight", e.target.value)} aria-invalid={error?.field === `targets.${i}.weight`} />
            </label>
            <label className="text-xs text-fg-subtle">
              Band ± %
              <input name={`targets.${i}.band`} inputMode="decimal" className={`${fieldClass} text-right tabular-nums`} value={r.band} onChange={(e) => change(i, "band", e.target.value)} aria-invalid={error?.field === `targets.${i}.band`} />
            </label>
            <button type="button" className={rowButton} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))} aria-label={`Remove the ${r.asset || "empty"} target`} disabled={rows.length === 1}>
              Remove
            </button>
          </div>
        ))}
      </fieldset>
      <p className="text-sm tabular-nums" data-testid="targets-sum">
        Sum of targets: {total === null ? "—" : `${total} %`} (must be 100 % ± {TARGET_SUM_TOLERANCE_PCT} %)
      </p>
      {error && (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          {error.message}
        </p>
      )}
      {canEdit ? (
        <div className="flex flex-wrap gap-2">
          <button type="button" className={secondaryButton} onClick={() => setRows((rs) => [...rs, { asset: "", weight: "0", band: DEFAULT_BAND_PCT }])} disabled={pending}>
            Add an asset
          </button>
          <button type="submit" className={primaryButton} disabled={pending}>
            {pending ? "Saving…" : "Save targets"}
          </button>
        </div>
      ) : (
        <p className="text-sm text-fg-muted">Viewers can read the targets; members and above can change them.</p>
      )}
    </form>
  );
}
