/** How long a mute lasts: a preset, or until a chosen instant. */
export const MUTE_PERIODS = ["1h", "1d", "1w", "custom"] as const;
export type MutePeriod = (typeof MUTE_PERIODS)[number];

export const MUTE_PERIOD_LABELS: Record<MutePeriod, string> = { "1h": "1 hour", "1d": "1 day", "1w": "1 week", custom: "Until…" };

const PRESET_MS: Record<Exclude<MutePeriod, "custom">, number> = { "1h": 3_600_000, "1d": 86_400_000, "1w": 7 * 86_400_000 };
/** A mute is a pause, not a switch-off: at most a year (turn a channel's kind off to stop for good). */
export const MAX_MUTE_MS = 366 * 86_400_000;

/**
 * When a mute asked for at `now` ends, or why it cannot (the message names the field).
 * Pure, so the form and the server action decide alike.
 */
export function muteEnd(p: { period: MutePeriod; until?: string | null }, now: Date): { ok: true; until: Date } | { ok: false; message: string } {
  if (p.period !== "custom") return { ok: true, until: new Date(now.getTime() + PRESET_MS[p.period]) };
  if (!p.until) return { ok: false, message: "End: choose when the mute ends" };
  const until = new Date(p.until);
  if (Number.isNaN(until.getTime())) return { ok: false, message: "End: not a date and time" };
  if (until.getTime() <= now.getTime()) return { ok: false, message: "End: must be in the future" };
  if (until.getTime() - now.getTime() > MAX_MUTE_MS) return { ok: false, message: "End: at most a year from now" };
  return { ok: true, until };
}
