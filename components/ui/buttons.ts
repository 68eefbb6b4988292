/** The app's button looks, one place: primary (the page's main action), secondary, and a quiet small one for rows. */
export const primaryButton =
  "inline-flex items-center justify-center gap-1.5 rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700 disabled:cursor-wait disabled:opacity-60";
export const secondaryButton =
  "inline-flex items-center justify-center gap-1.5 rounded-md border border-line px-3 py-2 text-sm font-medium text-fg hover:bg-surface-2 disabled:cursor-wait disabled:opacity-60";
export const rowButton =
  "inline-flex items-center gap-1 rounded-md border border-line px-2 py-1 text-xs font-medium text-fg hover:bg-surface-2 disabled:cursor-wait disabled:opacity-60";
export const fieldClass =
  "block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm text-fg focus-visible:outline-2 focus-visible:outline-indigo-600";
