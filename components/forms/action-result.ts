import type { z } from "zod";

/** What a next-safe-action call answers, as far as a form cares. */
export interface ActionAnswer<T> {
  data?: T;
  serverError?: { message: string };
  validationErrors?: unknown;
}

/** The first message in next-safe-action's nested `{ field: { _errors: [...] } }` shape. */
export function firstValidationMessage(errors: unknown): string | null {
  if (!errors || typeof errors !== "object") return null;
  const own = (errors as { _errors?: unknown })._errors;
  if (Array.isArray(own) && typeof own[0] === "string") return own[0];
  for (const [key, value] of Object.entries(errors)) {
    if (key === "_errors") continue;
    const nested = firstValidationMessage(value);
    if (nested) return nested;
  }
  return null;
}

/** Why an action did not answer with data, in one sentence for an inline error or a toast. */
export function refusal(answer: ActionAnswer<unknown> | undefined, fallback: string): string {
  return answer?.serverError?.message ?? firstValidationMessage(answer?.validationErrors) ?? fallback;
}

/** The first problem a form's schema found, with the field it belongs to (to focus it). */
export function firstIssue(error: z.ZodError): { field: string | null; message: string } {
  const issue = error.issues[0]!;
  return { field: issue.path.length > 0 ? String(issue.path[0]) : null, message: issue.message };
}

/** Moves focus to the named field of a form, so the person lands where the problem is. */
export function focusField(form: HTMLFormElement, field: string | null): void {
  if (!field) return;
  const el = form.elements.namedItem(field);
  if (el instanceof HTMLElement) el.focus();
  else if (el && "length" in el && el[0] instanceof HTMLElement) el[0].focus();
}
