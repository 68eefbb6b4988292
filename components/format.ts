import { D } from "@/lib/money/decimal";
import { localDayOf, localTimeOfDay, offsetMs } from "@/lib/time/zoned";

/**
 * Display formatting. Money arrives as exact decimal strings; Intl formats the string
 * itself (no float round trip). Only chart coordinates become numbers, at the very edge.
 */
type Numeric = `${number}`;

const currencyFormats = new Map<string, Intl.NumberFormat>();
function currencyFormat(currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${currency}:${compact}`;
  let f = currencyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat("en-US", {
      style: "currency",
      currency,
      notation: compact ? "compact" : "standard",
      maximumFractionDigits: compact ? 1 : 2,
      minimumFractionDigits: compact ? 0 : 2,
    });
    currencyFormats.set(key, f);
  }
  return f;
}

/** "$377,111.94" from "377111.9362149200088". Non-ISO bases (USDT, BTC) are shown as a suffix. */
export function formatMoney(value: string, currency = "USD", opts: { compact?: boolean; signed?: boolean } = {}): string {
  const iso = /^[A-Z]{3}$/.test(currency) && currency !== "BTC" && currency !== "ETH";
  const text = iso
    ? currencyFormat(currency, opts.compact ?? false).format(value as Numeric)
    : `${formatQuantity(value)} ${currency}`;
  return opts.signed && new D(value).isPositive() ? `+${text}` : text;
}

const quantityFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 8 });
export function formatQuantity(value: string): string {
  return quantityFormat.format(value as Numeric);
}

const pctFormat = new Intl.NumberFormat("en-US", { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** "+1.23%" from the fraction "0.0123". */
export function formatPct(fraction: string, opts: { signed?: boolean } = {}): string {
  const text = pctFormat.format(fraction as Numeric);
  return opts.signed && new D(fraction).isPositive() ? `+${text}` : text;
}

export function signTone(value: string | null): "up" | "down" | "flat" {
  if (value === null) return "flat";
  const d = new D(value);
  return d.isZero() ? "flat" : d.isPositive() ? "up" : "down";
}

/** A chart coordinate. Precision beyond a pixel does not matter here, and only here. */
export function toChartNumber(value: string): number {
  return new D(value).toNumber();
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function zonedFormat(kind: "dateTime" | "date" | "hour" | "day", timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${kind}:${timeZone ?? ""}`;
  let f = dateTimeFormats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === "dateTime"
        ? { dateStyle: "medium", timeStyle: "short" }
        : kind === "date"
          ? { dateStyle: "medium" }
          : kind === "hour"
            ? { hour: "2-digit", minute: "2-digit" }
            : { day: "numeric", month: "short" };
    f = new Intl.DateTimeFormat("en-GB", { ...options, timeZone });
    dateTimeFormats.set(key, f);
  }
  return f;
}

/** "6 Dec 2026, 14:05", in `timeZone` (the workspace's) or, without one, the browser's. */
export function formatDateTime(iso: string, timeZone?: string): string {
  return zonedFormat("dateTime", timeZone).format(new Date(iso));
}

/** "6 Dec 2026", in `timeZone`. */
export function formatDate(iso: string, timeZone?: string): string {
  return zonedFormat("date", timeZone).format(new Date(iso));
}

/** "UTC+05:45": the zone's offset at `ms`. */
export function formatUtcOffset(timeZone: string, ms: number): string {
  const minutes = Math.round(offsetMs(timeZone, ms) / 60_000);
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? "−" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** Axis label for a time tick in `timeZone`: clock time for a day's range, dates otherwise. */
export function formatTimeTick(ms: number, spanMs: number, timeZone: string): string {
  return zonedFormat(spanMs <= 2 * 86_400_000 ? "hour" : "day", timeZone).format(new Date(ms));
}

const HOUR = 3_600_000;
const QUARTER = 15 * 60_000;

/**
 * Axis ticks on round times in `timeZone`: every few whole hours for a day's range (a zone
 * may be a quarter or half hour off UTC, so whole local hours are looked for on the
 * quarter hours), local midnights (thinned to at most `max`) otherwise, so no two ticks
 * carry the same label.
 */
export function timeTicks(minMs: number, maxMs: number, spanMs: number, timeZone: string, max = 8): number[] {
  const ticks: number[] = [];
  if (spanMs <= 2 * 86_400_000) {
    const stepHours = Math.max(1, Math.ceil((maxMs - minMs) / HOUR / max));
    for (let t = Math.ceil(minMs / QUARTER) * QUARTER; t <= maxMs; t += QUARTER) {
      const { hour, minute } = localTimeOfDay(timeZone, t);
      if (minute === 0 && hour % stepHours === 0 && t > minMs) ticks.push(t);
    }
    return ticks;
  }
  for (let day = localDayOf(timeZone, minMs).endMs; day <= maxMs; day = localDayOf(timeZone, day).endMs) ticks.push(day);
  const every = Math.ceil(ticks.length / max);
  return ticks.filter((_, i) => i % every === 0);
}

/** "3 min ago", for a timestamp relative to `now`. */
export function formatAgo(iso: string, now: number): string {
  const s = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86_400)} d ago`;
}

/** "in 3 min" for a time ahead of `now`, "3 min ago" for one behind it. */
export function formatRelative(iso: string, now: number): string {
  const ahead = Math.round((new Date(iso).getTime() - now) / 1000);
  if (ahead <= 0) return formatAgo(iso, now);
  if (ahead < 60) return `in ${ahead} s`;
  if (ahead < 3600) return `in ${Math.round(ahead / 60)} min`;
  if (ahead < 86_400) return `in ${Math.round(ahead / 3600)} h`;
  return `in ${Math.round(ahead / 86_400)} d`;
}
