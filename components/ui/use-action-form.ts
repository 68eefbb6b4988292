"use client";

import { useState, useTransition, type FormEvent } from "react";
import { answerErrors, fieldErrorsOfIssues } from "@/lib/read-models/form-errors";
import type { ActionAnswer } from "./use-confirmed-action";
import { focusFirstError } from "./text-field";

type Parsed<I> = { success: true; data: I } | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };

/**
 * A form sent to a server action: the form's values are checked by the same zod schema as in
 * the action (`parse`), then sent; errors land beside their fields (or under "" for the whole
 * form) and focus moves to the first. Submitted from onSubmit, not a form action, because
 * React resets a form after its action and a refused attempt must keep what was typed.
 */
export function useActionForm<I, T>(p: {
  parse: (values: FormData) => Parsed<I>;
  action: (input: I) => Promise<ActionAnswer<T> | undefined>;
  onDone: (data: T, form: HTMLFormElement) => void;
}) {
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    startTransition(async () => {
      const parsed = p.parse(new FormData(form));
      const answer = parsed.success ? await p.action(parsed.data).catch(() => null) : null;
      const found = parsed.success ? answerErrors(answer) : fieldErrorsOfIssues(parsed.error.issues);
      setErrors(found ?? {});
      if (found) return focusFirstError(form, found);
      p.onDone(answer!.data as T, form);
    });
  };
  return { pending, errors, onSubmit };
}
