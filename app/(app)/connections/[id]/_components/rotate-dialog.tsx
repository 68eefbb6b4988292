"use client";

import { LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { toast } from "sonner";
import { CredentialFields } from "@/components/connections/form-fields";
import { credentialsInput, fieldId, initialValues, issuesByPath, validationErrorsByPath, type Values } from "@/components/connections/form-values";
import { Dialog } from "@/components/ui/dialog";
import { rotateConnectionCredentials } from "@/lib/actions/connection-credentials";
import { formSection } from "@/lib/read-models/connection-form-fields";
import { formErrorMap, providerForm } from "@/lib/read-models/connection-forms";
import type { ConnectionDetail } from "@/lib/read-models/connection-detail";

/**
 * Rotate credentials: the new ones go through the provider's credentials schema here and
 * on the server, are tested with one signed call, and replace the old ones only if the
 * venue accepts them. A refusal leaves the old ones in use, and says so.
 */
export function RotateDialog({ open, onClose, detail }: { open: boolean; onClose: () => void; detail: ConnectionDetail }) {
  const form = providerForm(detail.provider);
  return (
    <Dialog open={open} onClose={onClose} title={`Rotate the credentials of ${detail.label}`}>
      {form ? <RotateForm key={String(open)} detail={detail} onClose={onClose} form={form} /> : <p className="text-sm">This venue has no credentials to rotate.</p>}
    </Dialog>
  );
}

function RotateForm({ detail, onClose, form }: { detail: ConnectionDetail; onClose: () => void; form: NonNullable<ReturnType<typeof providerForm>> }) {
  const router = useRouter();
  const section = useMemo(() => formSection(form.credentials, form.text, { secret: true }), [form]);
  const all = useMemo(() => [...section.fields, ...(section.variant?.options.flatMap((o) => o.fields) ?? [])], [section]);
  const [variant, setVariant] = useState<string | null>(section.variant?.options[0]?.value ?? null);
  const [values, setValues] = useState<Values>(() => initialValues(all));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = () =>
    startTransition(async () => {
      setErrors({});
      setRefusal(null);
      const credentials = credentialsInput(section, variant, values);
      const parsed = form.credentials.safeParse(credentials, { error: formErrorMap });
      if (!parsed.success) {
        const byPath = Object.fromEntries(Object.entries(issuesByPath(parsed.error.issues)).map(([k, v]) => [`credentials.${k}`, v]));
        setErrors(byPath);
        const first = Object.keys(byPath)[0];
        if (first) document.getElementById(fieldId(first))?.focus();
        return;
      }
      const answer = await rotateConnectionCredentials({ connectionId: detail.id, credentials: parsed.data });
      if (answer?.validationErrors) return setErrors(validationErrorsByPath(answer.validationErrors));
      const result = answer?.data;
      if (!result) return setRefusal(answer?.serverError?.message ?? "The rotation failed on the server");
      if (!result.ok) return result.field ? setErrors({ [`credentials.${result.field}`]: result.message }) : setRefusal(result.message);
      toast.success(`New credentials in use for ${detail.label}`);
      onClose();
      router.refresh();
    });

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p className="text-sm text-fg-muted">The new credentials are tested with the venue first. If the test fails, nothing changes and the current ones stay in use.</p>
      <CredentialFields section={section} variant={variant} onVariant={setVariant} values={values} errors={errors} onChange={(n, v) => setValues((s) => ({ ...s, [n]: v }))} />
      {refusal && (
        <p role="alert" className="rounded-md bg-rose-50 p-3 text-sm text-rose-900 dark:bg-rose-950/50 dark:text-rose-100">
          Not rotated; the current credentials stay in use. {refusal}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onClose} className="rounded-md px-3 py-2 text-sm font-medium hover:bg-surface-2">
          Cancel
        </button>
        <button type="submit" disabled={pending} className="inline-flex items-center gap-1.5 rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:cursor-wait disabled:opacity-60">
          {pending && <LoaderCircle aria-hidden className="size-4 animate-spin" />}
          {pending ? "Testing…" : "Test and rotate"}
        </button>
      </div>
    </form>
  );
}
