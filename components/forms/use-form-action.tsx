"use client";

import type { QueryKey } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import { firstIssue, focusField, refusal, type ActionAnswer } from "./action-result";
import { useRefreshingAction } from "./use-refreshing-action";

/**
 * A form backed by a server action and the action's own zod schema: the input is checked
 * here first (the message names the field, which gets focus), then sent; a refusal from the
 * server shows in the same place. Nothing is reset on a refusal, so nothing typed is lost.
 */
export function useFormAction<S extends z.ZodType>(schema: S, invalidate?: QueryKey) {
  const [error, setError] = useState<string | null>(null);
  const { pending, run } = useRefreshingAction(invalidate);
  const submit = <T,>(
    form: HTMLFormElement,
    input: z.input<S>,
    call: (checked: z.output<S>, input: z.input<S>) => Promise<ActionAnswer<T> | undefined>,
    onDone: (data: T) => void,
  ) => {
    setError(null);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const issue = firstIssue(parsed.error);
      setError(issue.message);
      focusField(form, issue.field);
      return;
    }
    run(async () => {
      const answer = await call(parsed.data, input);
      if (answer?.data === undefined) setError(refusal(answer, "Refused"));
      return answer;
    }, onDone);
  };
  return { pending, error, setError, submit };
}

/** Where a form's refusal shows: announced, beside the form. */
export function FormError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
      {error}
    </p>
  );
}
