import { CircleCheck } from "lucide-react";
import type { ConnectionPreviewView } from "@/lib/read-models/connection-results";

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** What a passing key can see: its accounts, what it may do, and what the first sync will find. */
export function TestOutcome({ preview }: { preview: ConnectionPreviewView }) {
  return (
    <div role="status" data-testid="test-outcome" className="space-y-2 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-950 dark:border-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-100">
      <p className="flex items-center gap-2 font-medium">
        <CircleCheck aria-hidden className="size-4" />
        The key works{preview.permissions.length > 0 ? ` (${preview.permissions.join(", ")})` : ""}: {plural(preview.accounts.length, "account")}
        {preview.found ? `, ${plural(preview.found.balances, "balance")}, ${plural(preview.found.positions, "position")}` : ""}
      </p>
      <ul className="list-disc pl-5">
        {preview.accounts.map((a) => (
          <li key={a.accountUid}>
            {a.name} <span className="text-xs opacity-75">({a.kind})</span>
          </li>
        ))}
      </ul>
      {preview.found && preview.found.assets.length > 0 && (
        <p className="text-xs opacity-80">
          Assets: {preview.found.assets.slice(0, 12).join(", ")}
          {preview.found.assets.length > 12 ? ` and ${preview.found.assets.length - 12} more` : ""}
        </p>
      )}
      {preview.previewError && <p className="text-amber-800 dark:text-amber-300">Balances could not be read yet: {preview.previewError}</p>}
    </div>
  );
}
