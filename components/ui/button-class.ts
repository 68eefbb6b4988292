/**
 * The look of a form's buttons, one per role, so every form reads alike: the main action,
 * a destructive one (red, used only where the consequence is named beside it), and a quiet one.
 */
const base =
  "inline-flex items-center justify-center gap-1.5 rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-not-allowed disabled:opacity-60";

export const buttonClass = {
  primary: `${base} bg-indigo-600 text-white hover:bg-indigo-700 focus-visible:outline-indigo-600`,
  danger: `${base} bg-rose-600 text-white hover:bg-rose-700 focus-visible:outline-rose-600`,
  quiet: `${base} border border-line text-fg hover:bg-surface-2 focus-visible:outline-indigo-600`,
} as const;
