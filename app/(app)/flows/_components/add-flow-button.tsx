"use client";

import Link from "next/link";
import { LoaderCircle, Plus } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { formatQuantity } from "@/components/format";
import { buttonClass } from "@/components/ui/button-class";
import { primaryButton } from "@/components/ui/buttons";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { useActionForm } from "@/components/ui/use-action-form";
import { addFlow } from "@/lib/actions/cash-flows";
import { manualFlowSchema } from "@/lib/cash-flows/manual-flow-schema";
import { FLOW_KIND_LABELS, type FlowAccountOption } from "@/lib/read-models/cash-flow-schemas";
import type { FlowWorkspace } from "./flow-words";
import { FlowFields, flowFieldsOf, newFlowValues } from "./flow-fields";
import { useFlowsRefresh } from "./use-flows-refresh";

/** "Add a flow" (members and above): a flow a venue does not report, entered by hand. */
export function AddFlowButton({ accounts, workspace }: { accounts: FlowAccountOption[]; workspace: FlowWorkspace }) {
  const [open, setOpen] = useState(false);
  if (accounts.length === 0)
    return (
      <p className="text-xs text-fg-subtle">
        Flows go to an account: <Link href="/connections/new" className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">add a connection</Link> and let it sync first.
      </p>
    );
  return (
    <>
      <button type="button" className={primaryButton} onClick={() => setOpen(true)}>
        <Plus aria-hidden className="size-4" />
        Add a flow
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Add a flow">
        <AddFlowForm accounts={accounts} workspace={workspace} onClose={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function AddFlowForm({ accounts, workspace, onClose }: { accounts: FlowAccountOption[]; workspace: FlowWorkspace; onClose: () => void }) {
  const refresh = useFlowsRefresh();
  const [initial] = useState(() => newFlowValues(workspace, accounts));
  const form = useActionForm({
    parse: (values) => manualFlowSchema.safeParse(flowFieldsOf(values, workspace.timeZone)),
    action: addFlow,
    onDone: (_, el) => {
      const values = flowFieldsOf(new FormData(el), workspace.timeZone);
      toast.success(`Added: ${FLOW_KIND_LABELS[values.kind as keyof typeof FLOW_KIND_LABELS] ?? values.kind} of ${formatQuantity(values.amount)} ${values.asset.toUpperCase()}`);
      onClose();
      refresh();
    },
  });
  return (
    <form noValidate aria-label="Add a flow" className="space-y-4" onSubmit={form.onSubmit}>
      <p className="text-sm text-fg-muted">
        For money a venue does not report (Groww has no API) or reported wrong. It is recorded as entered by you, now; a flow once entered is never edited, only reversed or
        replaced.
      </p>
      <FlowFields accounts={accounts} workspace={workspace} initial={initial} errors={form.errors} noteRequired={false} />
      <FormError message={form.errors[""]} />
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onClose} className={buttonClass.quiet}>
          Cancel
        </button>
        <button type="submit" disabled={form.pending} className={buttonClass.primary}>
          {form.pending && <LoaderCircle aria-hidden className="size-4 animate-spin" />}
          {form.pending ? "Adding…" : "Add the flow"}
        </button>
      </div>
    </form>
  );
}
