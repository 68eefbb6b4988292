import type { ReactNode } from "react";

/**
 * A labelled input with its error beside it (announced with the field, aria-invalid), and an
 * optional hint. Uncontrolled: what the person typed stays when the form is refused.
 */
export function TextField(p: {
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete: string;
  error?: string;
  defaultValue?: string;
  hint?: ReactNode;
}) {
  const id = `field-${p.name}`;
  const described = [p.hint ? `${id}-hint` : "", p.error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {p.label}
      </label>
      <input
        id={id}
        name={p.name}
        type={p.type ?? "text"}
        autoComplete={p.autoComplete}
        defaultValue={p.defaultValue}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={described || undefined}
        className="block w-full rounded-md border border-line bg-surface px-3 py-2 text-fg focus-visible:outline-2 focus-visible:outline-indigo-600 aria-invalid:border-rose-500"
      />
      {p.hint && (
        <p id={`${id}-hint`} className="text-xs text-fg-subtle">
          {p.hint}
        </p>
      )}
      {p.error && (
        <p id={`${id}-error`} className="text-sm text-rose-700 dark:text-rose-300">
          {p.error}
        </p>
      )}
    </div>
  );
}

/** Moves focus to the first field with an error (in the form's order), so it is where the person looks next. */
export function focusFirstError(form: HTMLFormElement, errors: Record<string, string>): void {
  const first = Array.from(form.elements).find(
    (el): el is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement =>
      (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) && el.name in errors,
  );
  first?.focus();
}
