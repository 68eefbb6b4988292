"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { fieldClass, primaryButton, secondaryButton } from "@/components/ui/buttons";
import { saveTelegramBotToken, setTelegramWebhook } from "@/lib/actions/telegram";

/**
 * For admins: the workspace's own bot token (a password field; only its last 4 characters
 * are ever shown back) and "Set webhook", which points the bot at /api/telegram with
 * TELEGRAM_WEBHOOK_SECRET. In polling mode no webhook is needed.
 */
export function BotSetup(p: { ownTokenHint: string | null; envToken: boolean; webhookSecretSet: boolean; mode: "webhook" | "polling" }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [tokenError, setTokenError] = useState<string | null>(null);
  const [webhook, setWebhook] = useState<{ ok: boolean; text: string } | null>(null);

  const save = (form: HTMLFormElement) =>
    start(async () => {
      setTokenError(null);
      const token = String(new FormData(form).get("token") ?? "");
      const answer = await saveTelegramBotToken({ token }).catch(() => null);
      if (!answer) return setTokenError("The server could not be reached; nothing was saved.");
      const fieldError = (answer.validationErrors as { token?: { _errors?: string[] } } | undefined)?.token?._errors?.[0];
      if (fieldError) return setTokenError(fieldError);
      if (!answer.data) return setTokenError(answer.serverError?.message ?? "Not saved");
      form.reset();
      toast.success(`Bot token saved (…${answer.data.hint})`);
      router.refresh();
    });

  const register = () =>
    start(async () => {
      const answer = await setTelegramWebhook({}).catch(() => null);
      setWebhook(answer?.data ? { ok: true, text: `Telegram now posts updates to ${answer.data.url}` } : { ok: false, text: answer?.serverError?.message ?? "The server could not be reached." });
    });

  return (
    <div className="space-y-5 text-sm">
      <p className="text-fg-muted">
        {p.ownTokenHint
          ? `This workspace uses its own bot (token …${p.ownTokenHint}).`
          : p.envToken
            ? "This workspace uses the install's bot (TELEGRAM_BOT_TOKEN)."
            : "No bot token is set."}{" "}
        Mode: {p.mode === "polling" ? "long polling (the server fetches updates; no webhook needed)" : "webhook"}.
      </p>
      <form
        noValidate
        aria-label="Bot token"
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          save(e.currentTarget);
        }}
      >
        <label htmlFor="telegram-token" className="block font-medium">
          Bot token {p.ownTokenHint && <span className="font-normal text-fg-muted">(saved: …{p.ownTokenHint}; paste a new one to replace it)</span>}
        </label>
        <input
          id="telegram-token"
          name="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          className={fieldClass}
          placeholder="123456789:AA…"
          aria-invalid={tokenError ? true : undefined}
          aria-describedby={tokenError ? "telegram-token-error" : undefined}
        />
        {tokenError && (
          <p id="telegram-token-error" role="alert" className="text-red-600 dark:text-red-400">
            {tokenError}
          </p>
        )}
        <button type="submit" className={primaryButton} disabled={pending}>
          Save token
        </button>
      </form>
      {p.mode === "webhook" && (
        <div className="space-y-2">
          <button type="button" className={secondaryButton} onClick={register} disabled={pending || !p.webhookSecretSet}>
            Set webhook
          </button>
          {!p.webhookSecretSet && <p className="text-fg-muted">Set TELEGRAM_WEBHOOK_SECRET first: without it the webhook would accept anyone&apos;s updates.</p>}
          {webhook && (
            <p role="status" className={`break-all ${webhook.ok ? "text-fg" : "text-red-600 dark:text-red-400"}`}>
              {webhook.text}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
