"use client";

import { Plus, Trash2 } from "lucide-react";
import type { FormField, FormSection } from "@/lib/read-models/connection-form-fields";
import { emptyWallet, errorFor, fieldId, sectionFields, type FieldValue, type Values, type WalletRow } from "./form-values";

export const inputClass =
  "block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600 aria-[invalid=true]:border-rose-500";

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="text-xs text-rose-700 dark:text-rose-300">
      {message}
    </p>
  );
}

function Help({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p id={`${id}-help`} className="text-xs text-fg-subtle">
      {text}
    </p>
  ) : null;
}

const describedBy = (id: string, f: FormField, error?: string) => [f.help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

/**
 * One generated field. A secret is a password input that is never pre-filled, never echoed
 * and never autocompleted; its value lives only in the form's state.
 */
function Field({ f, path, value, error, onChange }: { f: FormField; path: string; value: FieldValue; error?: string; onChange: (v: FieldValue) => void }) {
  const id = fieldId(path);
  const common = { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, f, error) } as const;
  const label = (
    <label htmlFor={id} className="block text-sm font-medium">
      {f.label}
      {!f.required && (f.kind === "text" || f.kind === "url" || f.kind === "secret" || f.kind === "number") && f.defaultValue === undefined && (
        <span className="ml-1 font-normal text-fg-subtle">(optional)</span>
      )}
    </label>
  );
  switch (f.kind) {
    case "checkbox":
      return (
        <div className="space-y-1">
          <div className="flex items-start gap-2">
            <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} className="mt-0.5 size-4 accent-indigo-600" />
            {label}
          </div>
          <Help id={id} text={f.help} />
          <FieldError id={id} message={error} />
        </div>
      );
    case "select":
      return (
        <div className="space-y-1">
          {label}
          <select {...common} value={String(value)} onChange={(e) => onChange(e.target.value)} className={inputClass}>
            {f.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <Help id={id} text={f.help} />
          <FieldError id={id} message={error} />
        </div>
      );
    case "choices": {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        <fieldset className="space-y-1" aria-describedby={describedBy(id, f, error)}>
          <legend className="text-sm font-medium">{f.label}</legend>
          <div id={id} className="flex flex-wrap gap-4">
            {f.options.map((o) => (
              <label key={o.value} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={chosen.includes(o.value)}
                  onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value))}
                  className="size-4 accent-indigo-600"
                />
                {o.label}
              </label>
            ))}
          </div>
          <Help id={id} text={f.help} />
          <FieldError id={id} message={error} />
        </fieldset>
      );
    }
    case "wallets":
      return <WalletsField f={f} id={id} rows={value as WalletRow[]} error={error} onChange={onChange} />;
    default:
      return (
        <div className="space-y-1">
          {label}
          <input
            {...common}
            name={f.kind === "secret" ? undefined : f.name}
            type={f.kind === "secret" ? "password" : f.kind === "number" ? "number" : f.kind === "url" ? "url" : "text"}
            autoComplete="off"
            spellCheck={false}
            placeholder={f.placeholder}
            value={String(value)}
            onChange={(e) => onChange(e.target.value)}
            className={inputClass}
          />
          <Help id={id} text={f.help} />
          <FieldError id={id} message={error} />
        </div>
      );
  }
}

/** One address per chain: a row each, added and removed in place. */
function WalletsField({ f, id, rows, error, onChange }: { f: Extract<FormField, { kind: "wallets" }>; id: string; rows: WalletRow[]; error?: string; onChange: (v: FieldValue) => void }) {
  const set = (i: number, change: Partial<WalletRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy(id, f, error)}>
      <legend className="text-sm font-medium">{f.label}</legend>
      <Help id={id} text={f.help} />
      {rows.map((row, i) => (
        <div key={i} className="grid gap-2 rounded-md border border-line-soft p-2 sm:grid-cols-[1fr_10rem_8rem_auto]">
          <input
            id={i === 0 ? id : `${id}-${i}`}
            aria-label={`Address ${i + 1}`}
            autoComplete="off"
            spellCheck={false}
            placeholder="0x… or a Solana, Tron or Bitcoin address"
            value={row.address}
            onChange={(e) => set(i, { address: e.target.value })}
            className={inputClass}
          />
          <select aria-label={`Chain of address ${i + 1}`} value={row.chain} onChange={(e) => set(i, { chain: e.target.value })} className={inputClass}>
            {f.chains.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
          <input aria-label={`Name of address ${i + 1}`} placeholder="Name (optional)" value={row.label} onChange={(e) => set(i, { label: e.target.value })} className={inputClass} />
          <button
            type="button"
            aria-label={`Remove address ${i + 1}`}
            disabled={rows.length === 1}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
            className="rounded-md p-2 text-fg-muted hover:bg-surface-2 disabled:opacity-40"
          >
            <Trash2 aria-hidden className="size-4" />
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => onChange([...rows, emptyWallet(rows.at(-1)?.chain)])}
        className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-sm font-medium text-indigo-700 hover:bg-surface-2 dark:text-indigo-300"
      >
        <Plus aria-hidden className="size-4" /> Add an address or chain
      </button>
      <FieldError id={id} message={error} />
    </fieldset>
  );
}

/** A list of generated fields under `prefix` ("settings", "credentials"), errors shown beside each. */
export function GeneratedFields({
  fields,
  prefix,
  values,
  errors,
  onChange,
}: {
  fields: FormField[];
  prefix: string;
  values: Values;
  errors: Record<string, string>;
  onChange: (name: string, value: FieldValue) => void;
}) {
  return (
    <>
      {fields.map((f) => (
        <Field key={f.name} f={f} path={`${prefix}.${f.name}`} value={values[f.name] ?? ""} error={errorFor(errors, `${prefix}.${f.name}`)} onChange={(v) => onChange(f.name, v)} />
      ))}
    </>
  );
}

/** A provider's credentials: the way to sign in when it offers several (Groww), then that way's secret fields. */
export function CredentialFields({
  section,
  variant,
  onVariant,
  values,
  errors,
  onChange,
}: {
  section: FormSection;
  variant: string | null;
  onVariant: (variant: string) => void;
  values: Values;
  errors: Record<string, string>;
  onChange: (name: string, value: FieldValue) => void;
}) {
  const id = section.variant ? fieldId(`credentials.${section.variant.name}`) : "";
  return (
    <>
      {section.variant && (
        <div className="space-y-1">
          <label htmlFor={id} className="block text-sm font-medium">
            {section.variant.label}
          </label>
          <select id={id} value={variant ?? ""} onChange={(e) => onVariant(e.target.value)} className={inputClass}>
            {section.variant.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <GeneratedFields fields={sectionFields(section, variant)} prefix="credentials" values={values} errors={errors} onChange={onChange} />
    </>
  );
}
