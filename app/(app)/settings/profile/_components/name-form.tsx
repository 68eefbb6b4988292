"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { buttonClass } from "@/components/ui/button-class";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateProfile } from "@/lib/actions/profile";
import { profileNameSchema } from "@/lib/read-models/profile";

/** The display name, checked by the same schema here and in the action; a refusal keeps what was typed. */
export function NameForm({ name }: { name: string }) {
  const router = useRouter();
  const form = useActionForm({
    parse: (values) => profileNameSchema.safeParse({ name: values.get("name") ?? "" }),
    action: updateProfile,
    onDone: () => {
      toast.success("Name saved");
      router.refresh();
    },
  });
  return (
    <form noValidate className="max-w-md space-y-3" onSubmit={form.onSubmit}>
      <TextField name="name" label="Display name" autoComplete="name" defaultValue={name} error={form.errors.name} hint="Shown to the other members of your workspaces." />
      <FormError message={form.errors[""]} />
      <button type="submit" disabled={form.pending} className={buttonClass.primary}>
        {form.pending ? "Saving…" : "Save name"}
      </button>
    </form>
  );
}
