/**
 * What a download form starts with, from the page's URL: its range (the URL's from/to when
 * they are days, else the page's default) and the filters it carries over as hidden fields
 * (only the keys the page names, only non-empty values; the table's cursor, size and sort
 * never). The export then holds what the page lists.
 */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface ExportFormState {
  from: string;
  to: string;
  hidden: Array<[string, string]>;
}

export function exportFormState(search: URLSearchParams, p: { defaultRange: { from: string; to: string }; forward: readonly string[] }): ExportFormState {
  const from = search.get("from");
  const to = search.get("to");
  const hidden: Array<[string, string]> = [];
  for (const key of p.forward) {
    const value = search.get(key);
    if (value) hidden.push([key, value]);
  }
  return {
    from: from && DAY.test(from) ? from : p.defaultRange.from,
    to: to && DAY.test(to) ? to : p.defaultRange.to,
    hidden,
  };
}

/** The route a dataset downloads from. */
export const exportPath = (dataset: string) => `/api/exports/${dataset}`;
