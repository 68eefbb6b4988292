/** A stored venue payload for admins: collapsed until asked for, already pretty-printed and redacted by the read model. */
export function RawPayload({ label, text }: { label: string; text: string | null }) {
  if (text === null) return null;
  return (
    <details className="mt-2 rounded-md border border-line text-xs">
      <summary className="cursor-pointer px-2 py-1 font-medium text-fg-muted">{label}</summary>
      <pre className="max-h-80 overflow-auto border-t border-line bg-surface-2 p-2 font-mono text-fg">{text}</pre>
    </details>
  );
}
