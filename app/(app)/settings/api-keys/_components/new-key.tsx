"use client";

import { TriangleAlert } from "lucide-react";
import { useEffect, useRef } from "react";
import { CopyButton } from "@/components/ui/copy-button";

export interface CreatedKey {
  id: string;
  name: string;
  role: string;
  key: string;
  expiresAt: string | null;
}

/**
 * The key just made, the one time it exists in clear: to copy now. Only its hash is kept,
 * so closing this box (or leaving the page) loses it for good; the list shows its start.
 */
export function NewKey({ created, onDone }: { created: CreatedKey; onDone: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [created.id]);
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="region"
      aria-label={`New API key ${created.name}`}
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <p className="flex items-start gap-2 font-medium">
        <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        Copy this key now: it will not be shown again. Anyone who has it can use the API as a {created.role} of this workspace
        {created.expiresAt ? " until it expires or is revoked." : " until it is revoked."}
      </p>
      <div className="flex min-w-0 items-center gap-2 rounded-md border border-amber-300 bg-surface p-2 text-fg dark:border-amber-800">
        <code data-testid="new-api-key" className="min-w-0 flex-1 select-all break-all font-mono text-xs">
          {created.key}
        </code>
        <CopyButton text={created.key} label="Copy the new API key" copied="Key copied" refused="Copying was refused by the browser; select the key instead" />
      </div>
      <button
        type="button"
        onClick={onDone}
        className="rounded-md border border-amber-400 px-3 py-1.5 text-sm font-medium hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-amber-700 dark:hover:bg-amber-900/40"
      >
        I have copied it
      </button>
    </div>
  );
}
