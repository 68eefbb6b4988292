import { ShieldCheck } from "lucide-react";
import type { ProviderForm } from "@/lib/read-models/connection-forms";

/** Where to make a read-only key at this venue, and what to tick: beside the form, not behind a link. */
export function KeyHelp({ form }: { form: ProviderForm }) {
  return (
    <aside aria-label={`How to get ${form.name} keys`} className="h-fit space-y-3 rounded-xl border border-line bg-surface-2 p-4 text-sm">
      <h2 className="flex items-center gap-2 font-semibold">
        <ShieldCheck aria-hidden className="size-4 text-emerald-700 dark:text-emerald-400" />
        {form.keyHelp ? "A read-only key" : "No key needed"}
      </h2>
      {form.keyHelp ? (
        <>
          <p className="text-fg-muted">
            Create it at <span className="font-medium text-fg">{form.keyHelp.where}</span>.
          </p>
          <ul className="list-disc space-y-1 pl-5 text-fg-muted">
            {form.keyHelp.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          <p className="text-xs text-fg-subtle">
            Keys are tested before anything is saved, then stored encrypted (AES-256-GCM) on this server. They are never shown again, sent back to a browser or written to a log.
          </p>
        </>
      ) : (
        <p className="text-fg-muted">The demo venue is simulated on this server; nothing leaves it.</p>
      )}
    </aside>
  );
}
