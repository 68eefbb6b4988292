/**
 * Text colour for a gain, a loss or no change, readable on both schemes. Colour is never the
 * only signal: callers also show a sign or an arrow.
 */
export const signToneClass = {
  up: "text-emerald-700 dark:text-emerald-400",
  down: "text-rose-700 dark:text-rose-400",
  flat: "text-fg-muted",
} as const;
