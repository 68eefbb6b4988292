"use client";

import { toast } from "sonner";
import { buttonClass } from "@/components/ui/button-class";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { changePassword } from "@/lib/actions/profile";
import { passwordChangeSchema } from "@/lib/read-models/profile";

/**
 * Changing the password: the current one, the new one twice, and whether to end every other
 * session. The same schema checks here and in the action; a wrong current password comes back
 * as an error on that field. The fields are emptied only after a change went through.
 */
export function PasswordForm() {
  const form = useActionForm({
    parse: (values) =>
      passwordChangeSchema.safeParse({
        currentPassword: values.get("currentPassword") ?? "",
        newPassword: values.get("newPassword") ?? "",
        confirmPassword: values.get("confirmPassword") ?? "",
        revokeOtherSessions: values.get("revokeOtherSessions") === "on",
      }),
    action: changePassword,
    onDone: (done, el) => {
      toast.success(done.otherSessionsEnded ? "Password changed; your other sessions are signed out" : "Password changed");
      el.reset();
    },
  });
  const errors = form.errors;
  return (
    <form noValidate className="max-w-md space-y-4" onSubmit={form.onSubmit}>
      <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" error={errors.currentPassword} />
      <TextField
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        error={errors.newPassword}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
      />
      <TextField name="confirmPassword" label="Repeat the new password" type="password" autoComplete="new-password" error={errors.confirmPassword} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="revokeOtherSessions" className="mt-0.5 size-4 accent-indigo-600" />
        <span>
          Sign out my other sessions
          <span className="block text-xs text-fg-subtle">Every other browser and device signed in as you has to sign in again, with the new password.</span>
        </span>
      </label>
      <FormError message={errors[""]} />
      <button type="submit" disabled={form.pending} className={buttonClass.primary}>
        {form.pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
