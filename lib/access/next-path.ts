/** Set by proxy.ts on every request: the path and query asked for. */
export const REQUEST_PATH_HEADER = "x-venuefolio-path";

/**
 * Where to go after signing in: only a path on this site, so `?next=` cannot send a person
 * to another origin (`//evil.example`, `https://…`).
 */
export function safeNextPath(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
