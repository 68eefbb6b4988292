"use client";

import { useState, type ReactNode } from "react";
import { toast } from "sonner";
import { refusal } from "@/components/forms/action-result";
import { FormError, useFormAction } from "@/components/forms/use-form-action";
import { useRefreshingAction } from "@/components/forms/use-refreshing-action";
import { fieldClass, secondaryButton } from "@/components/ui/buttons";
import { deleteChannel, replaceChannelAddress, rotateChannelSecret, updateChannel } from "@/lib/actions/channels";
import { channelReplaceUrlSchema, channelUpdateSchema, type ChannelCreateInput } from "@/lib/read-models/channel-inputs";
import type { ChannelView } from "@/lib/read-models/channels";
import { AlertKindCheckboxes } from "./alert-kind-checkboxes";
import { SecretReveal } from "./secret-reveal";

/** The panels a channel's menu opens below its row: each one job, each closing itself when done. */
export type ChannelPanel = "edit" | "url" | "rotate" | "delete";

interface PanelProps {
  channel: ChannelView;
  onClose: () => void;
}

export function ChannelEditor({ panel, ...props }: PanelProps & { panel: ChannelPanel }) {
  switch (panel) {
    case "edit":
      return <EditPanel {...props} />;
    case "url":
      return <UrlPanel {...props} />;
    case "rotate":
      return <RotatePanel {...props} />;
    case "delete":
      return <DeletePanel {...props} />;
  }
}

function Panel({ children, onCancel, error }: { children: ReactNode; onCancel: () => void; error: string | null }) {
  return (
    <div className="mt-3 space-y-3 rounded-md border border-line bg-surface-2/50 p-3">
      {children}
      <FormError error={error} />
      <button type="button" onClick={onCancel} className="text-sm text-fg-muted hover:underline">
        Cancel
      </button>
    </div>
  );
}

const closing = (message: string, onClose: () => void) => () => {
  toast.success(message);
  onClose();
};

function EditPanel({ channel, onClose }: PanelProps) {
  const { pending, error, submit } = useFormAction(channelUpdateSchema);
  return (
    <Panel onCancel={onClose} error={error}>
      <form
        noValidate
        aria-label={`Edit ${channel.name}`}
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const data = new FormData(form);
          const input = { channelId: channel.id, name: String(data.get("name") ?? ""), alertKinds: data.getAll("alertKinds").map(String) as ChannelCreateInput["alertKinds"] };
          submit(form, input, (checked) => updateChannel(checked), closing("Channel saved", onClose));
        }}
      >
        <label className="block space-y-1 text-sm">
          <span className="block font-medium">Name</span>
          <input name="name" defaultValue={channel.name} maxLength={80} className={fieldClass} />
        </label>
        <AlertKindCheckboxes selected={channel.alertKinds} />
        <button type="submit" disabled={pending} className={secondaryButton}>
          {pending ? "Saving…" : "Save"}
        </button>
      </form>
    </Panel>
  );
}

function UrlPanel({ channel, onClose }: PanelProps) {
  const { pending, error, submit } = useFormAction(channelReplaceUrlSchema);
  return (
    <Panel onCancel={onClose} error={error}>
      <form
        noValidate
        aria-label={`Replace the URL of ${channel.name}`}
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          submit(form, { channelId: channel.id, url: String(new FormData(form).get("url") ?? "") }, (checked) => replaceChannelAddress(checked), closing("URL replaced", onClose));
        }}
      >
        <label className="block space-y-1 text-sm">
          <span className="block font-medium">New URL</span>
          <input name="url" type={channel.kind === "slack" ? "password" : "url"} autoComplete="off" spellCheck={false} className={fieldClass} placeholder="https://" />
        </label>
        <p className="text-xs text-fg-subtle">
          Now: {channel.target}. {channel.kind === "webhook" ? "The signing secret stays the same." : ""}
        </p>
        <button type="submit" disabled={pending} className={secondaryButton}>
          {pending ? "Saving…" : "Replace URL"}
        </button>
      </form>
    </Panel>
  );
}

function RotatePanel({ channel, onClose }: PanelProps) {
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { pending, run } = useRefreshingAction();
  if (secret) {
    return (
      <div className="mt-3">
        <SecretReveal secret={secret} onDone={onClose} />
      </div>
    );
  }
  return (
    <Panel onCancel={onClose} error={error}>
      <p className="text-sm">A new signing secret replaces the current one at once: the receiver refuses deliveries until it has the new one.</p>
      <button
        type="button"
        disabled={pending}
        className={secondaryButton}
        onClick={() =>
          run(
            async () => {
              const answer = await rotateChannelSecret({ channelId: channel.id });
              if (!answer?.data) setError(refusal(answer, "Refused"));
              return answer;
            },
            (r) => setSecret(r.signingSecret),
          )
        }
      >
        {pending ? "Rotating…" : "Rotate the secret"}
      </button>
    </Panel>
  );
}

function DeletePanel({ channel, onClose }: PanelProps) {
  const { pending, run } = useRefreshingAction();
  return (
    <Panel onCancel={onClose} error={null}>
      <p className="text-sm">
        Delete <strong>{channel.name}</strong>? It stops receiving alerts now, and its delivery history goes with it. Alerts themselves stay.
      </p>
      <button
        type="button"
        disabled={pending}
        className="inline-flex items-center rounded-md bg-rose-600 px-3 py-2 text-sm font-medium text-white hover:bg-rose-700 disabled:opacity-60"
        onClick={() => run(() => deleteChannel({ channelId: channel.id }), () => toast.success(`Channel ${channel.name} deleted`))}
      >
        {pending ? "Deleting…" : "Delete channel"}
      </button>
    </Panel>
  );
}
