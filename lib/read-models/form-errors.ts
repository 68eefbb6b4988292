/**
 * Per field, the first message to show beside it: from zod's issues in the browser, or from a
 * server action's `validationErrors` (next-safe-action's formatted shape,
 * `{ field: { _errors: [...] } }`) when the server refused a field the browser could not check.
 */
export function fieldErrorsOfIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const field = String(i.path[0] ?? "");
    out[field] ??= i.message;
  }
  return out;
}

export function fieldErrorsOfAction(validationErrors: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!validationErrors || typeof validationErrors !== "object") return out;
  for (const [field, value] of Object.entries(validationErrors as Record<string, unknown>)) {
    const messages = field === "_errors" ? value : (value as { _errors?: unknown } | null)?._errors;
    if (Array.isArray(messages) && typeof messages[0] === "string") out[field === "_errors" ? "" : field] = messages[0];
  }
  return out;
}

/** A form's errors after its action answered: none when it succeeded; else per field, or the reason under "" (the whole form). */
export function answerErrors(answer: { data?: unknown; serverError?: { message: string }; validationErrors?: unknown } | null | undefined): Record<string, string> | null {
  if (answer?.data) return null;
  if (!answer) return { "": "The server could not be reached; try again" };
  const fields = fieldErrorsOfAction(answer.validationErrors);
  if (Object.keys(fields).length > 0) return fields;
  return { "": answer.serverError?.message ?? "The request was refused; reload the page and try again" };
}
