import { instantOfWallTime, isoDate, localDate, localTimeOfDay } from "@/lib/time/zoned";

/**
 * A datetime-local field read and written in the workspace's time zone (not the browser's):
 * a flow's time is typed as the workspace reads its days.
 */
const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const two = (n: number) => String(n).padStart(2, "0");

/** "2026-12-06T14:05": the wall-clock time of `iso` in `timeZone`, as the field wants it. */
export function wallTimeInput(iso: string, timeZone: string): string {
  const ms = new Date(iso).getTime();
  const t = localTimeOfDay(timeZone, ms);
  return `${isoDate(localDate(ms, timeZone))}T${two(t.hour)}:${two(t.minute)}`;
}

/** The instant (ISO) a field's wall-clock time happens in `timeZone`; "" for anything the field would not hold. */
export function instantOfWallInput(value: string, timeZone: string): string {
  const m = WALL.exec(value);
  if (!m) return "";
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(wall)) return "";
  return new Date(instantOfWallTime(timeZone, wall)).toISOString();
}
