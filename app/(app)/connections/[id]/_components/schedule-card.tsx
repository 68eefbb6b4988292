"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { FieldError, inputClass } from "@/components/connections/form-fields";
import { Card } from "@/components/ui/card";
import { When } from "@/components/ui/when";
import { setSyncInterval } from "@/lib/actions/connection-schedule";
import type { ConnectionDetail } from "@/lib/read-models/connection-detail";

const minutes = (s: number) => (s % 60 === 0 ? `${s / 60} min` : `${s} s`);

/** The intervals the venue allows, a minute apart: what the form offers, so nothing else can be chosen. */
function choices(min: number, max: number): number[] {
  const out: number[] = [];
  for (let s = min; s <= max; s += 60) out.push(s);
  if (out.at(-1) !== max) out.push(max);
  return out;
}

/**
 * When the connection syncs by itself: an interval within the venue's range (admins change
 * it), or the venue's own fixed schedule; and the next run.
 */
export function ScheduleCard({ detail, canEdit }: { detail: ConnectionDetail; canEdit: boolean }) {
  const router = useRouter();
  const s = detail.schedule;
  const [seconds, setSeconds] = useState(s.kind === "interval" ? s.seconds : 0);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const editable = canEdit && s.kind === "interval" && s.minSeconds < s.maxSeconds;

  const save = () =>
    startTransition(async () => {
      setError(null);
      const answer = await setSyncInterval({ connectionId: detail.id, seconds });
      const result = answer?.data;
      if (!result) return setError(answer?.serverError?.message ?? "The change failed on the server");
      if (!result.ok) return setError(result.message);
      toast.success(`${detail.label} now syncs every ${minutes(result.seconds)}`);
      router.refresh();
    });

  return (
    <Card title="Schedule">
      <div className="space-y-3 text-sm">
        <p>{s.text}</p>
        {s.kind === "interval" && (
          <p className="text-fg-muted">
            {s.minSeconds === s.maxSeconds ? `This venue is synced every ${minutes(s.minSeconds)}.` : `This venue allows every ${minutes(s.minSeconds)} to every ${minutes(s.maxSeconds)}.`}
          </p>
        )}
        {s.kind === "calendar" && <p className="text-fg-muted">The venue publishes on its own clock; polling it more often would read the same data and spend its quota.</p>}
        <p>
          Next run: {detail.nextRunAt ? <When iso={detail.nextRunAt} absolute /> : <span className="text-fg-muted">{detail.nextRunNote}</span>}
        </p>
        {editable && (
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <div className="space-y-1">
              <label htmlFor="sync-interval" className="block font-medium">
                Sync every
              </label>
              <select
                id="sync-interval"
                value={seconds}
                onChange={(e) => setSeconds(Number(e.target.value))}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? "sync-interval-error" : undefined}
                className={inputClass}
              >
                {choices(s.minSeconds, s.maxSeconds).map((c) => (
                  <option key={c} value={c}>
                    {minutes(c)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" disabled={pending || seconds === s.seconds} className="rounded-md border border-line px-3 py-2 font-medium hover:bg-surface-2 disabled:opacity-50">
              {pending ? "Saving…" : "Save"}
            </button>
            <FieldError id="sync-interval" message={error ?? undefined} />
          </form>
        )}
      </div>
    </Card>
  );
}
