import { EXPOSURE_METHODS, type ExposureMethod } from "./methods";

/** A card's footnote: each figure's method and its anchor in docs/metrics.md. */
export function MethodNotes({ keys, testId }: { keys: readonly ExposureMethod[]; testId?: string }) {
  return (
    <ul className="mt-3 space-y-0.5 text-xs text-fg-subtle" data-testid={testId}>
      {keys.map((k) => (
        <li key={k}>
          <span className="font-medium text-fg-muted">{EXPOSURE_METHODS[k].label}</span>: {EXPOSURE_METHODS[k].text} —{" "}
          <code className="break-all">{EXPOSURE_METHODS[k].anchor}</code>
        </li>
      ))}
    </ul>
  );
}
