"use client";

import { useState, type ReactNode } from "react";
import { instantOfWallInput, wallTimeInput } from "@/components/cash-flows/wall-time";
import { fieldClass } from "@/components/ui/buttons";
import { CASH_FLOW_KINDS, FLOW_KIND_LABELS, INCOME_KIND_LABELS, INCOME_KINDS, type FlowAccountOption } from "@/lib/read-models/cash-flow-schemas";
import type { FlowWorkspace } from "./flow-words";

/** What the fields start with: empty for a new flow, the flow's own values for a replacement. */
export interface FlowFieldValues {
  accountId: string;
  kind: string;
  incomeKind: string;
  asset: string;
  amount: string;
  /** The wall-clock time in the workspace's zone, as a datetime-local field holds it. */
  occurredAt: string;
  valueBase: string;
  note: string;
}

/** A new flow's fields: cash in the base currency, now. */
export function newFlowValues(workspace: FlowWorkspace, accounts: FlowAccountOption[]): FlowFieldValues {
  return {
    accountId: accounts[0]?.id ?? "",
    kind: "deposit",
    incomeKind: "",
    asset: workspace.baseCurrency,
    amount: "",
    occurredAt: wallTimeInput(new Date().toISOString(), workspace.timeZone),
    valueBase: "",
    note: "",
  };
}

/** The form's values as the schema reads them: the time becomes an instant in the workspace's zone. */
export function flowFieldsOf(values: FormData, timeZone: string) {
  const text = (name: string) => String(values.get(name) ?? "");
  return {
    accountId: text("accountId"),
    kind: text("kind"),
    incomeKind: text("incomeKind") || null,
    asset: text("asset"),
    amount: text("amount"),
    occurredAt: instantOfWallInput(text("occurredAt"), timeZone),
    valueBase: text("valueBase") || null,
    note: text("note") || null,
  };
}

function Field({ name, label, error, hint, children }: { name: string; label: string; error?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="min-w-0 space-y-1 text-sm">
      <label htmlFor={`flow-${name}`} className="block font-medium">
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`flow-${name}-hint`} className="text-xs text-fg-subtle">
          {hint}
        </p>
      )}
      {error && (
        <p id={`flow-${name}-error`} className="text-sm text-rose-700 dark:text-rose-300">
          {error}
        </p>
      )}
    </div>
  );
}

/** The control's wiring to its label, its hint or error, and its invalid state. */
const wired = (name: string, error: string | undefined, hint: boolean) => ({
  id: `flow-${name}`,
  name,
  "aria-invalid": error ? true : undefined,
  "aria-describedby": error ? `flow-${name}-error` : hint ? `flow-${name}-hint` : undefined,
  className: `${fieldClass} aria-invalid:border-rose-500`,
});

/**
 * The fields of a manual flow, errors beside each. Uncontrolled but for the kind (income asks
 * for its kind) and the asset (the value field says whether it is needed), so a refused form
 * keeps what was typed.
 */
export function FlowFields(p: { accounts: FlowAccountOption[]; workspace: FlowWorkspace; initial: FlowFieldValues; errors: Record<string, string>; noteRequired: boolean }) {
  const { errors, initial, workspace } = p;
  const [kind, setKind] = useState(initial.kind);
  const [asset, setAsset] = useState(initial.asset);
  const needsValue = asset.trim().toUpperCase() !== workspace.baseCurrency;
  const connections = [...new Map(p.accounts.map((a) => [a.connectionId, a.connectionLabel])).entries()];
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field name="accountId" label="Account" error={errors.accountId}>
        <select {...wired("accountId", errors.accountId, false)} defaultValue={initial.accountId}>
          {initial.accountId === "" && <option value="">Choose an account</option>}
          {connections.map(([id, label]) => (
            <optgroup key={id} label={label}>
              {p.accounts
                .filter((a) => a.connectionId === id)
                .map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </Field>
      <Field name="kind" label="Kind" error={errors.kind}>
        <select {...wired("kind", errors.kind, false)} value={kind} onChange={(e) => setKind(e.target.value)}>
          {CASH_FLOW_KINDS.map((k) => (
            <option key={k} value={k}>
              {FLOW_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </Field>
      {kind === "income" && (
        <Field name="incomeKind" label="Income kind" error={errors.incomeKind} hint="Income is performance: shown, never counted as money added.">
          <select {...wired("incomeKind", errors.incomeKind, true)} defaultValue={initial.incomeKind}>
            <option value="">Choose</option>
            {INCOME_KINDS.map((k) => (
              <option key={k} value={k}>
                {INCOME_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field name="asset" label="Asset" error={errors.asset} hint={`${workspace.baseCurrency} for cash in the base currency; a code such as INR or BTC otherwise.`}>
        <input {...wired("asset", errors.asset, true)} value={asset} onChange={(e) => setAsset(e.target.value)} autoComplete="off" spellCheck={false} maxLength={20} />
      </Field>
      <Field name="amount" label="Amount" error={errors.amount} hint="More than 0; the kind says which way it went.">
        <input {...wired("amount", errors.amount, true)} defaultValue={initial.amount} inputMode="decimal" autoComplete="off" />
      </Field>
      <Field name="occurredAt" label={`When (${workspace.timeZone})`} error={errors.occurredAt} hint="Not in the future; in the workspace's time zone.">
        <input {...wired("occurredAt", errors.occurredAt, true)} type="datetime-local" defaultValue={initial.occurredAt} />
      </Field>
      <Field
        name="valueBase"
        label={`Value in ${workspace.baseCurrency}`}
        error={errors.valueBase}
        hint={needsValue ? `Needed: what it was worth in ${workspace.baseCurrency} at its time.` : `Optional: ${workspace.baseCurrency} is worth its amount.`}
      >
        <input {...wired("valueBase", errors.valueBase, true)} defaultValue={initial.valueBase} inputMode="decimal" autoComplete="off" />
      </Field>
      <div className="sm:col-span-2">
        <Field name="note" label={p.noteRequired ? "Note (why)" : "Note (optional)"} error={errors.note}>
          <textarea {...wired("note", errors.note, false)} defaultValue={initial.note} rows={2} maxLength={500} />
        </Field>
      </div>
    </div>
  );
}
