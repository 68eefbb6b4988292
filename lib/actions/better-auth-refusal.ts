/**
 * better-auth's APIError with a 4xx status: a refusal that is the person's to read (already
 * a member, already invited…); anything else is a server failure, logged and reported as
 * such. Checked by shape, not `instanceof`: the server bundle can hold a second copy of the
 * class, and then `instanceof` misses its refusals.
 */
export function isBetterAuthRefusal(e: unknown): e is Error {
  const status = (e as { statusCode?: unknown } | null)?.statusCode;
  return e instanceof Error && e.name === "APIError" && typeof status === "number" && status >= 400 && status < 500;
}
