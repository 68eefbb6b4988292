"use client";

import { Copy } from "lucide-react";
import { toast } from "sonner";

/** Copies `text` to the clipboard, with a toast either way (a browser may refuse). */
export function CopyButton({ text, label, copied, refused }: { text: string; label: string; copied: string; refused: string }) {
  return (
    <button
      type="button"
      aria-label={label}
      onClick={() => navigator.clipboard.writeText(text).then(() => toast.success(copied), () => toast.error(refused))}
      className="shrink-0 rounded-md p-1.5 hover:bg-fg/10 focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      <Copy aria-hidden className="size-4" />
    </button>
  );
}
