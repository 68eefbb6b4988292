import { ALERT_KINDS, type AlertKind } from "@/db/schema/alert-enums";
import { ALERT_KIND_LABELS } from "@/lib/read-models/alert-schemas";

/** Which alert kinds a channel takes: one checkbox per kind, named `alertKinds`. */
export function AlertKindCheckboxes({ selected }: { selected: readonly AlertKind[] }) {
  return (
    <fieldset className="space-y-1 text-sm">
      <legend className="font-medium">Alert kinds</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {ALERT_KINDS.map((k) => (
          <label key={k} className="inline-flex items-center gap-1.5">
            <input type="checkbox" name="alertKinds" value={k} defaultChecked={selected.includes(k)} className="size-4" />
            {ALERT_KIND_LABELS[k]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
