"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type ReactNode } from "react";
import { toast } from "sonner";
import { createApiKey } from "@/lib/actions/api-keys";
import { EXPIRY_CHOICES, createApiKeyInputSchema } from "@/lib/read-models/api-keys";
import { NewKey, type CreatedKey } from "./new-key";

type Field = "name" | "role" | "expiresInDays";
const FIELD_ORDER: Field[] = ["name", "role", "expiresInDays"];
const ROLE_HELP: Record<string, string> = {
  viewer: "viewer: reads",
  member: "member: reads and may Resync",
  admin: "admin: everything an admin may do through the API",
};

/**
 * Name, role (only those the creator may give) and expiry. The same zod schema checks here
 * and in the action; a refusal is shown beside its field, which gets focus, and keeps what
 * was typed. The new key is shown once, below.
 */
export function CreateKeyForm({ roles }: { roles: readonly string[] }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedKey | null>(null);

  const showErrors = (found: Partial<Record<Field, string>>) => {
    setErrors(found);
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };

  const submit = (form: HTMLFormElement) =>
    startTransition(async () => {
      setFormError(null);
      const data = new FormData(form);
      const expiry = String(data.get("expiresInDays") ?? "");
      const parsed = createApiKeyInputSchema.safeParse({
        name: String(data.get("name") ?? ""),
        role: String(data.get("role") ?? ""),
        expiresInDays: expiry === "" ? undefined : Number(expiry),
      });
      if (!parsed.success) return showErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      showErrors({});
      const answer = await createApiKey(parsed.data).catch(() => null);
      if (!answer) return setFormError("The server could not be reached; nothing was created. Try again.");
      if (answer.validationErrors) {
        const v = answer.validationErrors as Partial<Record<Field, { _errors?: string[] }>>;
        return showErrors(Object.fromEntries(FIELD_ORDER.flatMap((f) => (v[f]?._errors?.[0] ? [[f, v[f]._errors[0]]] : []))));
      }
      if (!answer.data) return setFormError(answer.serverError?.message ?? "The key was not created");
      setCreated(answer.data);
      toast.success(`Key "${answer.data.name}" created`);
      form.reset();
      router.refresh();
    });

  return (
    <div className="space-y-4">
      <form
        ref={formRef}
        noValidate
        aria-label="Create an API key"
        className="flex flex-wrap items-start gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          submit(e.currentTarget);
        }}
      >
        <FieldBox id="key-name" label="Name" error={errors.name} className="min-w-0 flex-1 basis-56">
          <input
            id="key-name"
            name="name"
            type="text"
            maxLength={64}
            autoComplete="off"
            placeholder="e.g. nightly report"
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? "key-name-error" : undefined}
            className="block w-full rounded-md border border-line bg-surface px-3 py-2 focus-visible:outline-2 focus-visible:outline-indigo-600"
          />
        </FieldBox>
        <SelectField
          id="key-role"
          name="role"
          label="Role"
          defaultValue="viewer"
          error={errors.role}
          help="key-role-help"
          options={roles.map((r) => ({ value: r, label: r }))}
        />
        <SelectField
          id="key-expiry"
          name="expiresInDays"
          label="Expires"
          defaultValue="90"
          error={errors.expiresInDays}
          options={EXPIRY_CHOICES.map((c) => ({ value: String(c.days ?? ""), label: c.label }))}
        />
        <div className="space-y-1 text-sm">
          {/* Lines the button up with the inputs, under their labels. */}
          <span aria-hidden className="block select-none font-medium">
            &nbsp;
          </span>
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-wait disabled:opacity-60"
          >
            {pending ? "Creating…" : "Create key"}
          </button>
        </div>
      </form>
      <p id="key-role-help" className="text-xs text-fg-subtle">
        A key acts with its role, never more than yours: {roles.map((r) => ROLE_HELP[r] ?? r).join("; ")}.
      </p>
      {formError && (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-950 dark:text-rose-200">
          {formError}
        </p>
      )}
      {created && <NewKey created={created} onDone={() => setCreated(null)} />}
    </div>
  );
}

function FieldBox(p: { id: string; label: string; error?: string; className?: string; children: ReactNode }) {
  return (
    <div className={`space-y-1 text-sm ${p.className ?? ""}`}>
      <label htmlFor={p.id} className="block font-medium">
        {p.label}
      </label>
      {p.children}
      {p.error && (
        <p id={`${p.id}-error`} className="text-rose-700 dark:text-rose-300">
          {p.error}
        </p>
      )}
    </div>
  );
}

function SelectField(p: { id: string; name: Field; label: string; defaultValue: string; error?: string; help?: string; options: Array<{ value: string; label: string }> }) {
  return (
    <FieldBox id={p.id} label={p.label} error={p.error}>
      <select
        id={p.id}
        name={p.name}
        defaultValue={p.defaultValue}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={p.error ? `${p.id}-error` : p.help}
        className="block rounded-md border border-line bg-surface px-3 py-2 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldBox>
  );
}
