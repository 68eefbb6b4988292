"use client";

import { LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { toast } from "sonner";
import { CredentialFields, FieldError, GeneratedFields, inputClass } from "@/components/connections/form-fields";
import { credentialsInput, fieldId, initialValues, issuesByPath, toInput, validationErrorsByPath, type Values } from "@/components/connections/form-values";
import { RunProgress } from "@/components/connections/run-progress";
import { Card } from "@/components/ui/card";
import { addConnection, testNewConnection } from "@/lib/actions/connection-add";
import { formSection } from "@/lib/read-models/connection-form-fields";
import { connectionFormSchema, formErrorMap, PROVIDER_FORMS, providerForm, type ProviderForm } from "@/lib/read-models/connection-forms";
import type { AddResult, ConnectionPreviewView, Refusal } from "@/lib/read-models/connection-results";
import type { SyncBatchView } from "@/lib/read-models/dashboard-schemas";
import { KeyHelp } from "./key-help";
import { TestOutcome } from "./test-outcome";

type Saved = Extract<AddResult, { ok: true }>;

/**
 * Add a connection: choose the venue, fill in the fields its schemas ask for (the same
 * schemas the server checks), Test — one signed call; a key that can trade or withdraw is
 * refused with the reason — then Save, allowed only while the tested values are unchanged.
 * Saving starts the first sync, followed here until it ends, then the connection's page.
 */
export function AddConnectionWizard() {
  const [provider, setProvider] = useState<ProviderForm | null>(null);
  return provider ? (
    <ConnectionForm key={provider.provider} form={provider} onBack={() => setProvider(null)} />
  ) : (
    <Card title="1. Choose the venue">
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Venues">
        {PROVIDER_FORMS.map((f) => (
          <li key={f.provider}>
            <button
              type="button"
              onClick={() => setProvider(providerForm(f.provider)!)}
              className="h-full w-full rounded-lg border border-line p-4 text-left hover:border-indigo-400 hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              <span className="block font-medium">{f.name}</span>
              <span className="mt-1 block text-sm text-fg-muted">{f.summary}</span>
            </button>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function ConnectionForm({ form, onBack }: { form: ProviderForm; onBack: () => void }) {
  const router = useRouter();
  const settingsSection = useMemo(() => formSection(form.settings, form.text, { secret: false }), [form]);
  const credentialsSection = useMemo(() => formSection(form.credentials, form.text, { secret: true }), [form]);
  const allCredentialFields = useMemo(() => [...credentialsSection.fields, ...(credentialsSection.variant?.options.flatMap((o) => o.fields) ?? [])], [credentialsSection]);
  const schema = useMemo(() => connectionFormSchema(form), [form]);

  const [label, setLabel] = useState(form.provider === "demo" ? "Demo exchange" : `${form.name}`);
  const [settings, setSettings] = useState<Values>(() => initialValues(settingsSection.fields));
  const [variant, setVariant] = useState<string | null>(credentialsSection.variant?.options[0]?.value ?? null);
  const [credentials, setCredentials] = useState<Values>(() => initialValues(allCredentialFields));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [tested, setTested] = useState<{ input: string; preview: ConnectionPreviewView } | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [pending, startTransition] = useTransition();
  const [action, setAction] = useState<"test" | "save" | null>(null);

  const input = { provider: form.provider, label, settings: toInput(settingsSection.fields, settings), credentials: credentialsInput(credentialsSection, variant, credentials) };
  // The test holds for exactly these values; any change asks for a new one before Save.
  const inputKey = JSON.stringify(input);
  const testedNow = tested?.input === inputKey;

  /** The shared schema, here before anything is sent; the first invalid field gets focus. */
  const check = () => {
    const parsed = schema.safeParse(input, { error: formErrorMap });
    if (parsed.success) return parsed.data;
    const byPath = issuesByPath(parsed.error.issues);
    setErrors(byPath);
    const first = Object.keys(byPath)[0];
    if (first !== undefined) document.getElementById(fieldId(first))?.focus();
    return null;
  };

  const refused = (answer: { data?: { ok: boolean }; validationErrors?: unknown; serverError?: { message: string } } | undefined, fallback: string) => {
    if (answer?.validationErrors) setErrors(validationErrorsByPath(answer.validationErrors));
    else if (answer?.data && !answer.data.ok) {
      const r = answer.data as Refusal;
      if (r.field) setErrors({ [r.field]: r.message });
      else setRefusal(r);
    } else setRefusal({ ok: false, message: answer?.serverError?.message ?? fallback });
  };

  const run = (which: "test" | "save") =>
    startTransition(async () => {
      setAction(which);
      setErrors({});
      setRefusal(null);
      const data = check();
      if (!data) return;
      try {
        if (which === "test") {
          const answer = await testNewConnection(data);
          if (answer?.data?.ok) setTested({ input: inputKey, preview: answer.data });
          else {
            setTested(null);
            refused(answer, "The test failed on the server");
          }
        } else {
          const answer = await addConnection(data);
          if (!answer?.data?.ok) return refused(answer, "Saving failed on the server");
          setSaved(answer.data);
          toast.success(`${answer.data.label} saved`);
          if (answer.data.firstSync.mode !== "inline") router.push(`/connections/${answer.data.id}`);
        }
      } catch (e) {
        setRefusal({ ok: false, message: `The server could not be reached: ${e instanceof Error ? e.message : String(e)}` });
      }
    });

  const onSynced = (batch: SyncBatchView) => {
    const ok = batch.status === "succeeded" || batch.status === "partial";
    toast[ok ? "success" : "error"](ok ? "First sync done" : `First sync ${batch.status}: ${batch.error ?? "see the connection"}`);
    router.push(`/connections/${saved!.id}`);
  };

  if (saved) {
    return (
      <Card title={`3. First sync of ${saved.label}`}>
        <div className="space-y-4" data-testid="first-sync">
          <p className="text-sm text-fg-muted">
            Saved with {saved.accounts} account{saved.accounts === 1 ? "" : "s"}. The first sync reads the venue&apos;s history window, so it can take a while; you will be taken to the connection when it ends.
          </p>
          {saved.firstSync.mode === "inline" && <RunProgress batchId={saved.firstSync.batchId} onDone={onSynced} />}
          <button type="button" onClick={() => router.push(`/connections/${saved.id}`)} className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            Open the connection now →
          </button>
        </div>
      </Card>
    );
  }

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <Card
        title={`2. ${form.name}`}
        actions={
          <button type="button" onClick={onBack} className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            Choose another venue
          </button>
        }
      >
        <form
          noValidate
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            run(testedNow ? "save" : "test");
          }}
        >
          <div className="space-y-1">
            <label htmlFor={fieldId("label")} className="block text-sm font-medium">
              Name
            </label>
            <input
              id={fieldId("label")}
              autoComplete="off"
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              aria-invalid={errors.label ? true : undefined}
              aria-describedby={errors.label ? `${fieldId("label")}-error` : undefined}
              className={inputClass}
            />
            <FieldError id={fieldId("label")} message={errors.label} />
          </div>
          <GeneratedFields fields={settingsSection.fields} prefix="settings" values={settings} errors={errors} onChange={(n, v) => setSettings((s) => ({ ...s, [n]: v }))} />
          <CredentialFields
            section={credentialsSection}
            variant={variant}
            onVariant={setVariant}
            values={credentials}
            errors={errors}
            onChange={(n, v) => setCredentials((s) => ({ ...s, [n]: v }))}
          />
          {refusal && (
            <div role="alert" className="rounded-md border border-rose-200 bg-rose-50 p-3 text-sm text-rose-900 dark:border-rose-900 dark:bg-rose-950/50 dark:text-rose-100">
              <p className="font-medium">{refusal.kind === "permission" ? "This key is refused" : "The test failed"}</p>
              <p className="mt-1 break-words">{refusal.message}</p>
            </div>
          )}
          {testedNow && tested && <TestOutcome preview={tested.preview} />}
          {tested && !testedNow && <p className="text-sm text-amber-800 dark:text-amber-300">The values changed since the test: test again before saving.</p>}
          <div className="flex flex-wrap gap-3">
            <button
              type="button"
              onClick={() => run("test")}
              disabled={pending}
              className="inline-flex items-center gap-1.5 rounded-md border border-line px-3 py-2 text-sm font-medium hover:bg-surface-2 disabled:cursor-wait disabled:opacity-60"
            >
              {pending && action === "test" && <LoaderCircle aria-hidden className="size-4 animate-spin" />}
              {pending && action === "test" ? "Testing…" : "Test"}
            </button>
            <button
              type="button"
              onClick={() => run("save")}
              disabled={pending || !testedNow}
              title={testedNow ? undefined : "Test the connection first"}
              className="inline-flex items-center gap-1.5 rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700 disabled:cursor-not-allowed disabled:opacity-50"
            >
              {pending && action === "save" && <LoaderCircle aria-hidden className="size-4 animate-spin" />}
              {pending && action === "save" ? "Saving…" : "Save and sync"}
            </button>
          </div>
        </form>
      </Card>
      <KeyHelp form={form} />
    </div>
  );
}
