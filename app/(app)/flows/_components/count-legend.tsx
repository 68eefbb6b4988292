import { Badge } from "@/components/ui/badge";
import { FLOW_COUNT_LABELS, FLOW_COUNT_STATES } from "@/lib/read-models/cash-flow-schemas";
import { COUNT_TONE } from "./flow-tones";

/** What the Counts column says, every word explained once, beside the table. */
export function CountLegend() {
  return (
    <details className="rounded-md border border-line p-3 text-sm">
      <summary className="cursor-pointer font-medium">What “Counts” means</summary>
      <dl className="mt-3 grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
        {[...FLOW_COUNT_STATES].reverse().map((state) => (
          <div key={state} className="contents">
            <dt>
              <Badge tone={COUNT_TONE[state]}>{FLOW_COUNT_LABELS[state].label}</Badge>
            </dt>
            <dd className="text-fg-muted">{FLOW_COUNT_LABELS[state].explain}</dd>
          </div>
        ))}
        <div className="contents">
          <dt>
            <Badge tone="warn">unvalued</Badge>
          </dt>
          <dd className="text-fg-muted">Counted, but no price in the base currency was known at its time: it moves nothing until replaced with a valued one.</dd>
        </div>
      </dl>
    </details>
  );
}
