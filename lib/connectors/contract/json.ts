/** Narrowing helpers for tests that edit a venue's JSON answer (fault injection). */
export type Json = Record<string, unknown>;

export function asRecord(v: unknown): Json {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new TypeError("expected a JSON object");
  return v as Json;
}

export function asArray(v: unknown): unknown[] {
  if (!Array.isArray(v)) throw new TypeError("expected a JSON array");
  return v;
}

/** The first element of `obj[key]`, which must be a non-empty array of objects. */
export function firstOf(obj: Json, key: string): Json {
  const first = asArray(obj[key])[0];
  return asRecord(first);
}
