/**
 * Picks the symbol: a plain GET form (works before any script loads), the workspace's
 * order symbols as its choices. Submitting starts at the first page of the new symbol.
 */
export function SymbolPicker({ symbols, current }: { symbols: string[]; current: string | null }) {
  return (
    <form method="get" action="/orders/quantity-changes" className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col gap-1 text-xs font-medium text-fg-subtle">
        Symbol
        <select name="symbol" defaultValue={current ?? ""} required className="rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm text-fg">
          <option value="" disabled>
            Choose a symbol
          </option>
          {symbols.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded-md border border-line px-3 py-1.5 text-sm font-medium text-fg hover:bg-surface-2">
        Show changes
      </button>
    </form>
  );
}
