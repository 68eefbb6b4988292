"use client";

import { Copy } from "lucide-react";
import { toast } from "sonner";

/**
 * A signing secret, shown this once (it is never returned again): to copy into the
 * receiver. Dismissing it is the person's acknowledgement that it is saved.
 */
export function SecretReveal({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40">
      <p className="font-medium">Signing secret: copy it now, it will not be shown again.</p>
      <div className="flex min-w-0 items-center gap-2">
        <code data-testid="signing-secret" className="min-w-0 flex-1 truncate rounded bg-surface px-2 py-1">
          {secret}
        </code>
        <button
          type="button"
          aria-label="Copy the signing secret"
          onClick={() => navigator.clipboard.writeText(secret).then(() => toast.success("Secret copied"), () => toast.error("Copying was refused; select the secret instead"))}
          className="rounded-md p-1.5 hover:bg-surface"
        >
          <Copy aria-hidden className="size-4" />
        </button>
      </div>
      <button type="button" onClick={onDone} className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        I have saved it
      </button>
    </div>
  );
}
