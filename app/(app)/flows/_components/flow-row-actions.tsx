"use client";

import { LoaderCircle } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { wallTimeInput } from "@/components/cash-flows/wall-time";
import { formatMoney } from "@/components/format";
import { buttonClass } from "@/components/ui/button-class";
import { fieldClass, rowButton } from "@/components/ui/buttons";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { useActionForm } from "@/components/ui/use-action-form";
import { replaceFlow, reverseFlow } from "@/lib/actions/cash-flows";
import { replaceFlowSchema, reverseFlowSchema } from "@/lib/cash-flows/manual-flow-schema";
import { flowDirection, type FlowAccountOption, type FlowView } from "@/lib/read-models/cash-flow-schemas";
import { flowSummary, type FlowWorkspace } from "./flow-words";
import { FlowFields, flowFieldsOf, type FlowFieldValues } from "./flow-fields";
import { useFlowsRefresh } from "./use-flows-refresh";

/** A row's corrections (members and above): Reverse, or Replace with a corrected flow. A reversed flow, or one of a deleted connection, has none. */
export function FlowRowActions({ flow, accounts, workspace }: { flow: FlowView; accounts: FlowAccountOption[]; workspace: FlowWorkspace }) {
  const [open, setOpen] = useState<"reverse" | "replace" | null>(null);
  if (flow.reversal || flow.connectionDeleted) return null;
  const summary = flowSummary(flow, workspace.timeZone);
  const close = () => setOpen(null);
  return (
    <div className="flex items-center gap-2">
      <button type="button" className={rowButton} aria-label={`Reverse ${summary}`} onClick={() => setOpen("reverse")}>
        Reverse
      </button>
      <button type="button" className={rowButton} aria-label={`Replace ${summary}`} onClick={() => setOpen("replace")}>
        Replace
      </button>
      <Dialog open={open === "reverse"} onClose={close} title={`Reverse the ${summary}`}>
        <ReverseForm flow={flow} onClose={close} />
      </Dialog>
      <Dialog open={open === "replace"} onClose={close} title={`Replace the ${summary}`}>
        <ReplaceForm flow={flow} accounts={accounts} workspace={workspace} onClose={close} />
      </Dialog>
    </div>
  );
}

/** What reversing does to net deposits, in words: only a counted, valued flow moves them. */
function consequence(flow: FlowView): string {
  if (flow.counts !== "counted") return "It does not count in net deposits now, so they do not change.";
  if (flow.valueBase === null) return "It is unvalued, so net deposits do not change.";
  const change = flowDirection(flow.kind) > 0 ? `-${flow.valueBase}` : flow.valueBase;
  return `Net deposits change by ${formatMoney(change, flow.baseCurrency, { signed: true })}.`;
}

function Buttons({ pending, label, pendingLabel, destructive, onClose }: { pending: boolean; label: string; pendingLabel: string; destructive: boolean; onClose: () => void }) {
  return (
    <div className="flex justify-end gap-2">
      <button type="button" onClick={onClose} disabled={pending} className={buttonClass.quiet}>
        Cancel
      </button>
      <button type="submit" disabled={pending} className={destructive ? buttonClass.danger : buttonClass.primary}>
        {pending && <LoaderCircle aria-hidden className="size-4 animate-spin" />}
        {pending ? pendingLabel : label}
      </button>
    </div>
  );
}

function ReverseForm({ flow, onClose }: { flow: FlowView; onClose: () => void }) {
  const refresh = useFlowsRefresh();
  const form = useActionForm({
    parse: (values) => reverseFlowSchema.safeParse({ flowId: flow.id, note: String(values.get("note") ?? "") }),
    action: reverseFlow,
    onDone: () => {
      toast.success("Reversed: the flow counts no more");
      onClose();
      refresh();
    },
  });
  const error = form.errors.note;
  return (
    <form noValidate aria-label="Reverse a flow" className="space-y-4" onSubmit={form.onSubmit}>
      <div className="space-y-2 text-sm text-fg-muted">
        <p>The flow stays listed, marked reversed with your name, the time and your note; from then on it counts for nothing. A flow is reversed only once.</p>
        <p className="font-medium text-fg">{consequence(flow)}</p>
      </div>
      <div className="space-y-1 text-sm">
        <label htmlFor="reverse-note" className="block font-medium">
          Note (why)
        </label>
        <textarea
          id="reverse-note"
          name="note"
          rows={2}
          maxLength={500}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "reverse-note-error" : undefined}
          className={`${fieldClass} aria-invalid:border-rose-500`}
        />
        {error && (
          <p id="reverse-note-error" className="text-sm text-rose-700 dark:text-rose-300">
            {error}
          </p>
        )}
      </div>
      <FormError message={form.errors[""] ?? form.errors.flowId} />
      <Buttons pending={form.pending} label="Reverse" pendingLabel="Reversing…" destructive onClose={onClose} />
    </form>
  );
}

function ReplaceForm({ flow, accounts, workspace, onClose }: { flow: FlowView; accounts: FlowAccountOption[]; workspace: FlowWorkspace; onClose: () => void }) {
  const refresh = useFlowsRefresh();
  const initial: FlowFieldValues = {
    accountId: accounts.some((a) => a.id === flow.accountId) ? flow.accountId! : "",
    kind: flow.kind,
    incomeKind: flow.incomeKind ?? "",
    asset: flow.asset,
    amount: flow.amount,
    occurredAt: wallTimeInput(flow.occurredAt, workspace.timeZone),
    // A value someone gave (or one needed for a non-base asset) is offered again; par values follow the amount.
    valueBase: flow.priceSource !== "par" && flow.valueBase !== null ? flow.valueBase : "",
    note: "",
  };
  const form = useActionForm({
    parse: (values) => replaceFlowSchema.safeParse({ flowId: flow.id, ...flowFieldsOf(values, workspace.timeZone) }),
    action: replaceFlow,
    onDone: () => {
      toast.success("Replaced: the old flow is reversed and the corrected one counts instead");
      onClose();
      refresh();
    },
  });
  return (
    <form noValidate aria-label="Replace a flow" className="space-y-4" onSubmit={form.onSubmit}>
      <p className="text-sm text-fg-muted">
        The flow is reversed and the one below entered in its place, both at once or neither. Both keep your name, the time and your note.
      </p>
      <FlowFields accounts={accounts} workspace={workspace} initial={initial} errors={form.errors} noteRequired />
      <FormError message={form.errors[""] ?? form.errors.flowId} />
      <Buttons pending={form.pending} label="Reverse and replace" pendingLabel="Replacing…" destructive={false} onClose={onClose} />
    </form>
  );
}
