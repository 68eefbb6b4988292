import type { CashFlowStatus, FlowCountState } from "@/lib/read-models/cash-flow-schemas";

/** Badge tones: counted flows stand out, reasons for not counting are quiet, failures red. */
export const COUNT_TONE: Record<FlowCountState, "good" | "neutral" | "warn" | "bad"> = {
  counted: "good",
  internal: "neutral",
  matched: "neutral",
  reversed: "neutral",
  pending: "warn",
  failed: "bad",
  performance: "neutral",
};

export const STATUS_TONE: Record<CashFlowStatus, "good" | "warn" | "bad"> = { confirmed: "good", pending: "warn", failed: "bad" };
