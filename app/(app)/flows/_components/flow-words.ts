import { formatDate, formatQuantity } from "@/components/format";
import { FLOW_KIND_LABELS, type FlowView } from "@/lib/read-models/cash-flow-schemas";

/** The workspace's settings every part of the page shows flows in. */
export interface FlowWorkspace {
  baseCurrency: string;
  timeZone: string;
}

/** "deposit 300 USD of 9 Jan 2026": a flow named in a sentence. */
export const flowSummary = (f: Pick<FlowView, "kind" | "amount" | "asset" | "occurredAt">, timeZone: string) =>
  `${FLOW_KIND_LABELS[f.kind].toLowerCase()} ${formatQuantity(f.amount)} ${f.asset} of ${formatDate(f.occurredAt, timeZone)}`;
