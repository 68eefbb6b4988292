import type { CurrencyHistory } from "@/lib/read-models/workspace-settings";

/**
 * What saving the workspace settings will do, in sentences, shown before the person saves.
 * `history` lists the currencies the workspace's snapshots are valued in; dates are shown
 * in the current zone.
 */
export function settingsChangeNotice(p: {
  current: { baseCurrency: string; timeZone: string };
  next: { baseCurrency: string; timeZone: string };
  history: readonly CurrencyHistory[];
  formatDate: (iso: string) => string;
}): string[] {
  const lines: string[] = [];
  const { current, next } = p;
  if (next.baseCurrency !== current.baseCurrency) {
    const kept = p.history.find((h) => h.currency === current.baseCurrency);
    const back = p.history.find((h) => h.currency === next.baseCurrency);
    if (kept) {
      lines.push(
        `History valued in ${kept.currency} (since ${p.formatDate(kept.from)}) is kept but is not shown while the base currency is ${next.baseCurrency}; switch back to ${kept.currency} to see it again. Nothing is converted.`,
      );
    }
    lines.push(
      back
        ? `History already valued in ${back.currency} (${p.formatDate(back.from)} – ${p.formatDate(back.to)}) is shown again.`
        : `The equity chart starts again from the first snapshot valued in ${next.baseCurrency}.`,
    );
    lines.push(
      `Saving resyncs every connection, so the overview shows ${next.baseCurrency} values after that sync. An asset no price reaches in ${next.baseCurrency} is listed as unpriced and left out of the totals.`,
    );
  }
  if (next.timeZone !== current.timeZone) {
    lines.push(
      `Daily and weekly chart buckets will start at midnight in ${next.timeZone}; they are rebuilt from the snapshots when you save. Days already closed keep their end-of-day values; from then on each day closes at midnight in ${next.timeZone}.`,
    );
  }
  return lines;
}
