"use client";

import type { FilterDef } from "./url-state";

const fieldClass = "rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm text-fg";

/**
 * The table's filters. A choice applies at once; text applies on Enter or when the field
 * loses focus, so the URL and the query change once per search, not once per keystroke.
 */
export function TableFilters({
  filters,
  values,
  onChange,
  onClear,
}: {
  filters: readonly FilterDef[];
  values: Record<string, string>;
  onChange: (id: string, value: string | null) => void;
  onClear: () => void;
}) {
  const active = Object.keys(values).length > 0;
  return (
    <div role="group" aria-label="Filters" className="flex flex-wrap items-end gap-3">
      {filters.map((f) =>
        f.options ? (
          // max-w-full on both: a long option (an account's full name) would otherwise widen the page at 390 px.
          <label key={f.id} className="flex max-w-full flex-col gap-1 text-xs font-medium text-fg-subtle">
            {f.label}
            <select value={values[f.id] ?? ""} onChange={(e) => onChange(f.id, e.target.value || null)} className={`${fieldClass} max-w-full`}>
              <option value="">All</option>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        ) : (
          // Keyed by the applied value: when the URL changes (Clear, Back), the field shows it.
          <TextFilter key={`${f.id}:${values[f.id] ?? ""}`} filter={f} value={values[f.id] ?? ""} onChange={onChange} />
        ),
      )}
      {active && (
        <button type="button" onClick={onClear} className="rounded-md px-2.5 py-1.5 text-sm font-medium text-indigo-700 hover:bg-surface-2 dark:text-indigo-300">
          Clear filters
        </button>
      )}
    </div>
  );
}

function TextFilter({ filter, value, onChange }: { filter: FilterDef; value: string; onChange: (id: string, value: string | null) => void }) {
  const apply = (text: string) => {
    if (text.trim() !== value) onChange(filter.id, text.trim() || null);
  };
  return (
    <form
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        apply(String(new FormData(e.currentTarget).get(filter.id) ?? ""));
      }}
      className="flex flex-col gap-1 text-xs font-medium text-fg-subtle"
    >
      <label htmlFor={`filter-${filter.id}`}>{filter.label}</label>
      <input
        id={`filter-${filter.id}`}
        name={filter.id}
        type="search"
        defaultValue={value}
        maxLength={200}
        onBlur={(e) => apply(e.currentTarget.value)}
        className={`${fieldClass} w-48 max-w-full`}
      />
    </form>
  );
}
