"use client";

import { useState } from "react";
import { toast } from "sonner";
import { FormError, useFormAction } from "@/components/forms/use-form-action";
import { fieldClass, primaryButton } from "@/components/ui/buttons";
import { ALERT_KINDS, type ChannelKind } from "@/db/schema/alert-enums";
import { createChannel } from "@/lib/actions/channels";
import { channelCreateSchema, type ChannelCreateInput } from "@/lib/read-models/channel-inputs";
import { AlertKindCheckboxes } from "./alert-kind-checkboxes";
import { SecretReveal } from "./secret-reveal";

const KIND_HELP: Record<ChannelKind, string> = {
  webhook: "Any HTTPS endpoint. Each POST carries a JSON body signed with HMAC-SHA256 under a secret made for this channel, shown once after you add it.",
  slack: "A Slack incoming webhook (Slack › Apps › Incoming Webhooks), or a Slack-compatible one. The URL is itself the secret: it is stored encrypted and never shown again.",
};

/**
 * Add a channel. The same schema checks here and on the server; a refusal keeps what was
 * typed except nothing is ever pre-filled into the secret URL field.
 */
export function ChannelForm() {
  const [kind, setKind] = useState<ChannelKind>("webhook");
  const [secret, setSecret] = useState<string | null>(null);
  const { pending, error, submit: send } = useFormAction(channelCreateSchema);

  const submit = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const input = { kind, name: String(data.get("name") ?? ""), url: String(data.get("url") ?? ""), alertKinds: data.getAll("alertKinds").map(String) as ChannelCreateInput["alertKinds"] };
    send(form, input, (checked) => createChannel(checked), (created) => {
      toast.success(`Channel ${created.channel.name} added`);
      setSecret(created.signingSecret);
      form.reset();
    });
  };

  return (
    <div className="space-y-3">
      {secret && <SecretReveal secret={secret} onDone={() => setSecret(null)} />}
      <form
        noValidate
        aria-label="Add a channel"
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          submit(e.currentTarget);
        }}
      >
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium">Type</legend>
          <div className="flex flex-wrap gap-4">
            {(["webhook", "slack"] as const).map((k) => (
              <label key={k} className="inline-flex items-center gap-1.5">
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="size-4" />
                {k === "webhook" ? "Generic webhook (signed)" : "Slack"}
              </label>
            ))}
          </div>
          <p className="text-xs text-fg-subtle">{KIND_HELP[kind]}</p>
        </fieldset>
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="space-y-1 text-sm">
            <span className="block font-medium">Name</span>
            <input name="name" autoComplete="off" maxLength={80} className={fieldClass} placeholder={kind === "slack" ? "Slack #ops" : "Ops receiver"} />
          </label>
          <label className="space-y-1 text-sm">
            <span className="block font-medium">URL</span>
            {/* A Slack URL is a secret: a password field, never filled back in. */}
            <input name="url" type={kind === "slack" ? "password" : "url"} autoComplete="off" spellCheck={false} className={fieldClass} placeholder="https://" />
          </label>
        </div>
        <AlertKindCheckboxes selected={ALERT_KINDS} />
        <p className="text-xs text-fg-subtle">HTTPS only (plain http is accepted only to localhost, for a receiver on this machine).</p>
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? "Adding…" : "Add channel"}
        </button>
        <FormError error={error} />
      </form>
    </div>
  );
}
