import type { FormField, FormSection } from "@/lib/read-models/connection-form-fields";

/**
 * What a connection form holds while a person types, and how it becomes the input the
 * provider's zod schema checks (in the browser, then again in the server action). Pure, so
 * the conversion and the error mapping are tested without a browser. Secrets live only in
 * this state and in the request body: never in the URL, never in storage.
 */
export interface WalletRow {
  address: string;
  chain: string;
  label: string;
}
export type FieldValue = string | boolean | string[] | WalletRow[];
export type Values = Record<string, FieldValue>;

const emptyWallet = (chain = "1"): WalletRow => ({ address: "", chain, label: "" });

export function initialValue(f: FormField): FieldValue {
  switch (f.kind) {
    case "checkbox":
      return f.defaultValue;
    case "choices":
      return f.defaultValue;
    case "wallets":
      return [emptyWallet(f.chains.find((c) => c.value === "1")?.value ?? f.chains[0]?.value)];
    case "number":
      return f.defaultValue === undefined ? "" : String(f.defaultValue);
    case "select":
      return f.defaultValue ?? f.options[0]?.value ?? "";
    default:
      return f.defaultValue ?? "";
  }
}

export function initialValues(fields: FormField[]): Values {
  return Object.fromEntries(fields.map((f) => [f.name, initialValue(f)]));
}

export { emptyWallet };

/** The schema's input for these fields: empty optional text left out, so zod applies its own default or absence. */
export function toInput(fields: FormField[], values: Values): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (f.kind === "checkbox") out[f.name] = v === true;
    else if (f.kind === "choices") out[f.name] = Array.isArray(v) ? v : [];
    else if (f.kind === "wallets") {
      out[f.name] = ((v as WalletRow[] | undefined) ?? [])
        .filter((w) => w.address.trim() !== "" || w.label.trim() !== "")
        .map((w) => ({ address: w.address.trim(), chains: [w.chain], ...(w.label.trim() ? { label: w.label.trim() } : {}) }));
    } else if (f.kind === "number") {
      if (typeof v === "string" && v.trim() !== "") out[f.name] = Number(v);
    } else if (typeof v === "string" && v.trim() !== "") {
      // Secrets are sent as typed; the schema trims what it trims.
      out[f.name] = f.kind === "secret" ? v : v.trim();
    }
  }
  return out;
}

/** The fields of a section, with a discriminated union's chosen variant. */
export function sectionFields(section: FormSection, variant: string | null): FormField[] {
  if (!section.variant) return section.fields;
  return section.variant.options.find((o) => o.value === variant)?.fields ?? [];
}

/** Credentials for the chosen variant: its discriminator plus its own fields, nothing left over from another. */
export function credentialsInput(section: FormSection, variant: string | null, values: Values): Record<string, unknown> {
  const input = toInput(sectionFields(section, variant), values);
  return section.variant && variant ? { [section.variant.name]: variant, ...input } : input;
}

/** The first message per field path ("settings.wallets.0.address"), from zod issues. */
export function issuesByPath(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = i.path.map(String).join(".");
    out[key] ??= i.message;
  }
  return out;
}

/** The same from next-safe-action's validation errors ({ _errors, field: { _errors } } nested). */
export function validationErrorsByPath(tree: unknown, prefix: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  if (!tree || typeof tree !== "object") return out;
  for (const [key, value] of Object.entries(tree)) {
    if (key === "_errors") {
      const first = Array.isArray(value) ? value[0] : undefined;
      if (typeof first === "string") out[prefix.join(".")] ??= first;
    } else Object.assign(out, validationErrorsByPath(value, [...prefix, key]));
  }
  return out;
}

/** The DOM id of a field's input, from its path: the first invalid one gets focus. */
export const fieldId = (path: string) => `field-${path.replace(/[^a-zA-Z0-9_-]/g, "-")}`;

/** The error shown beside a field: its own, or the first one inside it (a wallet row's address). */
export function errorFor(errors: Record<string, string>, path: string): string | undefined {
  return errors[path] ?? Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1];
}
