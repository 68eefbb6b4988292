import { z } from "zod";

/**
 * The fields of a connection form, read off the provider's zod schemas with zod's own
 * JSON Schema export (`z.toJSONSchema`, input side): which fields exist, their types,
 * choices, defaults and whether they are required all come from the schema the connector
 * parses with, so the wizard cannot drift from what the server accepts. Labels and help
 * are the only hand-written part (`FieldText`). JSON Schema rather than zod's internals:
 * it is zod's documented, stable way to describe a schema.
 */

export interface FieldText {
  label: string;
  help?: string;
  placeholder?: string;
  /** Labels of an enum's values, by value. */
  options?: Record<string, string>;
}

interface FieldBase {
  name: string;
  label: string;
  help?: string;
  placeholder?: string;
  required: boolean;
}

export type FormField =
  | (FieldBase & { kind: "text" | "secret" | "url"; defaultValue?: string })
  | (FieldBase & { kind: "number"; defaultValue?: number; min?: number; max?: number })
  | (FieldBase & { kind: "checkbox"; defaultValue: boolean })
  | (FieldBase & { kind: "select"; options: Array<{ value: string; label: string }>; defaultValue?: string })
  | (FieldBase & { kind: "choices"; options: Array<{ value: string; label: string }>; defaultValue: string[] })
  /** Rows of { address, chains: [one chain], label? }: one wallet address per chain. */
  | (FieldBase & { kind: "wallets"; chains: Array<{ value: string; label: string }> });

/** A discriminated union (Groww's three ways to sign in): pick one, then its fields. */
export interface FormVariant {
  name: string;
  label: string;
  options: Array<{ value: string; label: string; fields: FormField[] }>;
}

export interface FormSection {
  fields: FormField[];
  variant: FormVariant | null;
}

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
}

const choice = (values: unknown[], text?: FieldText) => values.map((v) => ({ value: String(v), label: text?.options?.[String(v)] ?? String(v) }));

function fieldOf(name: string, s: JsonSchema, required: boolean, text: FieldText | undefined, secret: boolean, chains: FieldText | undefined): FormField {
  if (!text) throw new Error(`No label for form field "${name}"`);
  const base = { name, label: text.label, help: text.help, placeholder: text.placeholder, required };
  if (s.enum) return { ...base, kind: "select", options: choice(s.enum, text), defaultValue: s.default === undefined ? undefined : String(s.default) };
  if (s.type === "boolean") return { ...base, kind: "checkbox", defaultValue: s.default === true };
  if (s.type === "number" || s.type === "integer") {
    return { ...base, kind: "number", defaultValue: typeof s.default === "number" ? s.default : undefined, min: s.minimum, max: s.maximum };
  }
  if (s.type === "array" && s.items?.enum) {
    return { ...base, kind: "choices", options: choice(s.items.enum, text), defaultValue: Array.isArray(s.default) ? s.default.map(String) : [] };
  }
  if (s.type === "array" && s.items?.properties?.address && s.items.properties.chains) {
    return { ...base, kind: "wallets", chains: Object.entries(chains?.options ?? {}).map(([value, label]) => ({ value, label })) };
  }
  if (s.type === "string") {
    const kind = secret ? "secret" : s.format === "uri" ? "url" : "text";
    return { ...base, kind, defaultValue: typeof s.default === "string" && !secret ? s.default : undefined };
  }
  throw new Error(`Form field "${name}" has a type the wizard cannot show`);
}

function objectFields(s: JsonSchema, texts: Record<string, FieldText>, secret: boolean, skip?: string): FormField[] {
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {})
    .filter(([name]) => name !== skip)
    // A field with a default is never missing: zod fills it in.
    .map(([name, prop]) => fieldOf(name, prop, required.has(name) && prop.default === undefined, texts[name], secret, texts.chains));
}

/**
 * The fields of one schema. `secret`: every text field is a secret (credentials): a
 * password input, never pre-filled. A discriminated union becomes a variant choice.
 */
export function formSection(schema: z.ZodType, texts: Record<string, FieldText>, opts: { secret: boolean }): FormSection {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const union = json.oneOf ?? json.anyOf;
  if (!union) return { fields: objectFields(json, texts, opts.secret), variant: null };
  const discriminator = Object.keys(union[0]?.properties ?? {}).find((k) => union.every((o) => o.properties?.[k]?.const !== undefined));
  if (!discriminator) throw new Error("A union form needs a discriminator field");
  const text = texts[discriminator];
  if (!text) throw new Error(`No label for form field "${discriminator}"`);
  return {
    fields: [],
    variant: {
      name: discriminator,
      label: text.label,
      options: union.map((o) => {
        const value = String(o.properties![discriminator]!.const);
        return { value, label: text.options?.[value] ?? value, fields: objectFields(o, texts, opts.secret, discriminator) };
      }),
    },
  };
}
