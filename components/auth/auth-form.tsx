"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { z } from "zod";
import { TextField } from "@/components/ui/text-field";
import { newPasswordSchema } from "@/lib/auth/password-rules";

/**
 * Sign-in and sign-up against better-auth's own routes (/api/auth/sign-in/email,
 * /api/auth/sign-up/email). The same rules are checked here and by the server; nothing is
 * kept on failure except what the person typed, and the password never leaves the form
 * except in the request body.
 */
const fields = {
  name: z.string().trim().min(1, "Enter your name"),
  email: z.email("Enter an email address"),
  password: newPasswordSchema,
};
const signInSchema = z.object({ email: fields.email, password: z.string().min(1, "Enter your password") });
const signUpSchema = z.object(fields);

type Mode = "sign-in" | "sign-up";

export function AuthForm({
  mode,
  next,
  submitLabel,
  invitationId,
  email,
}: {
  mode: Mode;
  next: string;
  submitLabel: string;
  /** Accepted right after signing up or in: the invitation link's id. */
  invitationId?: string;
  /** Prefilled (an invitation is for one address). */
  email?: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = (form: FormData) =>
    startTransition(async () => {
      setFormError(null);
      const input = Object.fromEntries(form.entries());
      const parsed = (mode === "sign-up" ? signUpSchema : signInSchema).safeParse(input);
      if (!parsed.success) {
        setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
        return;
      }
      setErrors({});
      const res = await fetch(`/api/auth/${mode}/email`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(parsed.data),
      }).catch(() => null);
      if (!res) return setFormError("The server could not be reached; try again");
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { message?: string } | null;
        if (res.status === 429) return setFormError("Too many attempts: wait a minute and try again");
        return setFormError(body?.message ?? `Refused (${res.status})`);
      }
      if (invitationId) {
        const accepted = await fetch("/api/auth/organization/accept-invitation", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ invitationId }),
        }).catch(() => null);
        if (!accepted?.ok) {
          const body = (await accepted?.json().catch(() => null)) as { message?: string } | null;
          return setFormError(`Signed in, but the invitation could not be accepted: ${body?.message ?? "the server could not be reached"}`);
        }
      }
      router.replace(next);
      router.refresh();
    });

  return (
    // onSubmit, not a form action: React resets a form after its action, and a refused
    // attempt must keep what the person typed.
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(new FormData(e.currentTarget));
      }}
    >
      {mode === "sign-up" && <TextField name="name" label="Name" autoComplete="name" error={errors.name} />}
      <TextField name="email" label="Email" type="email" autoComplete="email" error={errors.email} defaultValue={email} />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
        error={errors.password}
      />
      {formError && (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-950 dark:text-rose-200">
          {formError}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-indigo-600 px-3 py-2 font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-wait disabled:opacity-60"
      >
        {pending ? "Please wait…" : submitLabel}
      </button>
    </form>
  );
}
