"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { FieldError, inputClass } from "@/components/connections/form-fields";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { useNow } from "@/components/ui/use-now";
import { When } from "@/components/ui/when";
import { refreshGrowwToken } from "@/lib/actions/connection-credentials";
import type { ConnectionDetail } from "@/lib/read-models/connection-detail";

/** "14 h left", "2 days left", "expired": the token's life in the unit that matters. */
function timeLeft(expiresAt: string, now: number): { text: string; expired: boolean; soon: boolean } {
  const ms = new Date(expiresAt).getTime() - now;
  if (ms <= 0) return { text: "expired", expired: true, soon: true };
  const hours = ms / 3_600_000;
  const text = hours >= 48 ? `${Math.floor(hours / 24)} days left` : hours >= 1 ? `${Math.floor(hours)} h left` : `${Math.max(1, Math.round(ms / 60_000))} min left`;
  return { text, expired: false, soon: hours < 6 };
}

/**
 * Groww's daily token: when it expires and how long is left. A stored API key mints a new
 * one on Refresh; a pasted token is replaced by pasting today's (tested before it is kept).
 */
export function GrowwTokenCard({ detail, canRefresh }: { detail: ConnectionDetail; canRefresh: boolean }) {
  const token = detail.groww!;
  const router = useRouter();
  const now = useNow(60_000);
  const [pasted, setPasted] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const left = token.expiresAt && now !== null ? timeLeft(token.expiresAt, now) : null;

  const refresh = () =>
    startTransition(async () => {
      setError(null);
      const answer = await refreshGrowwToken({ connectionId: detail.id, ...(token.renewable ? {} : { accessToken: pasted }) });
      const result = answer?.data;
      if (!result) return setError(answer?.serverError?.message ?? "The refresh failed on the server");
      if (!result.ok) return setError(result.message);
      setPasted("");
      toast.success("Groww token refreshed");
      router.refresh();
    });

  return (
    <Card title="Groww access token">
      <div className="space-y-3 text-sm">
        <p>
          {token.renewable ? "Minted daily from the stored API key" : "Pasted access token"}
          {" · "}
          {token.expiresAt ? (
            <>
              expires <When iso={token.expiresAt} absolute />{" "}
              {left && <Badge tone={left.expired ? "bad" : left.soon ? "warn" : "good"}>{left.text}</Badge>}
            </>
          ) : (
            <span className="text-fg-muted">none minted yet: the next sync or a refresh mints one</span>
          )}
        </p>
        <p className="text-fg-muted">Groww tokens expire every day at 06:00 IST.</p>
        {canRefresh && (
          <form
            noValidate
            className="flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              refresh();
            }}
          >
            {!token.renewable && (
              <div className="min-w-0 flex-1 basis-64 space-y-1">
                <label htmlFor="groww-token" className="block font-medium">
                  Today&apos;s access token
                </label>
                <input
                  id="groww-token"
                  type="password"
                  autoComplete="off"
                  value={pasted}
                  onChange={(e) => setPasted(e.target.value)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? "groww-token-error" : undefined}
                  className={inputClass}
                />
              </div>
            )}
            <button type="submit" disabled={pending} className="rounded-md border border-line px-3 py-2 font-medium hover:bg-surface-2 disabled:cursor-wait disabled:opacity-60">
              {pending ? "Refreshing…" : "Refresh token"}
            </button>
            <FieldError id="groww-token" message={error ?? undefined} />
          </form>
        )}
      </div>
    </Card>
  );
}
