"use client";

import { useState, useTransition } from "react";
import { primaryButton } from "@/components/ui/buttons";
import { CopyButton } from "@/components/ui/copy-button";
import { useNow } from "@/components/ui/use-now";
import { createTelegramLinkCode } from "@/lib/actions/telegram";

const remaining = (expiresAt: string, now: number) => {
  const s = Math.max(0, Math.round((Date.parse(expiresAt) - now) / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

/**
 * "Connect Telegram": a one-time code, shown once, with its countdown (10 minutes). Sent as
 * /start <code> to the bot, it links that chat to this person in this workspace.
 */
export function ConnectTelegram({ openCodeExpiresAt, role }: { openCodeExpiresAt: string | null; role: string }) {
  const [pending, start] = useTransition();
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const now = useNow(1000);
  const expired = code !== null && now !== null && Date.parse(code.expiresAt) <= now;

  const make = () =>
    start(async () => {
      setError(null);
      const answer = await createTelegramLinkCode({}).catch(() => null);
      if (!answer?.data) return setError(answer?.serverError?.message ?? "The server could not be reached; try again.");
      setCode(answer.data);
    });

  return (
    <div className="space-y-3 text-sm">
      <p className="text-fg-muted">
        Link a Telegram chat to yourself in this workspace. The chat then sees what you see, with your role ({role}); if you leave the workspace it sees nothing.
      </p>
      {code && !expired ? (
        <div className="space-y-2" data-testid="telegram-code">
          <p>
            Send this to the bot within <span className="tabular-nums font-medium">{now === null ? "10:00" : remaining(code.expiresAt, now)}</span>:
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <code className="rounded bg-surface-2 px-2 py-1 font-mono text-base break-all">/start {code.code}</code>
            <CopyButton text={`/start ${code.code}`} label="Copy" copied="Copied" refused="Copy failed: select the text instead" />
          </div>
          <p className="text-xs text-fg-muted">The code works once. Making a new one cancels this one.</p>
        </div>
      ) : (
        <>
          {expired && <p className="text-fg-muted">That code has expired. Make a new one.</p>}
          {!code && openCodeExpiresAt && <p className="text-fg-muted">You have an unused code; making a new one cancels it.</p>}
          <button type="button" className={primaryButton} onClick={make} disabled={pending}>
            {pending ? "Making a code…" : "Connect Telegram"}
          </button>
        </>
      )}
      {error && (
        <p role="alert" className="text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
