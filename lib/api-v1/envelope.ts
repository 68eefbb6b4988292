import { NextResponse } from "next/server";
import { z } from "zod";
import { NotFoundError } from "@/db/queries/not-found";
import { publicMessage } from "@/lib/read-models/respond";

/**
 * The versioned API's one wire shape. A list is `{ data: [...], nextCursor }` (null on the
 * last page; pass it back as `?cursor=` for the next), a single resource `{ data: {...} }`,
 * and every error, whatever refused it (input, access, rate limit, a missing resource, the
 * server), `{ error: { code, message, fields? } }`. The app's own routes (app/api/*, read by
 * its pages) keep their older `{ error, fields }`: v1 is the contract for scripts, and one
 * shape across it matters more than sameness with routes no client outside the app calls.
 */
export const listEnvelope = <S extends z.ZodType>(item: S) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });
export const itemEnvelope = <S extends z.ZodType>(item: S) => z.object({ data: item });

/** Each status's code, the stable word a client branches on (the message is for people). */
export const ERROR_CODES = {
  400: "invalid_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  429: "rate_limited",
  500: "internal",
} as const;
export type ErrorStatus = keyof typeof ERROR_CODES;

export const fieldErrorSchema = z.object({
  /** The field as a client names it: a query parameter, a body property (`a.b` when nested), a path parameter. */
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const errorSchema = z.object({
  error: z.object({
    code: z.enum(Object.values(ERROR_CODES) as [string, ...string[]]),
    message: z.string(),
    fields: z.array(fieldErrorSchema).optional(),
  }),
});

export function errorResponse(status: ErrorStatus, message: string, p: { fields?: FieldError[]; headers?: Record<string, string> } = {}): NextResponse {
  const error = { code: ERROR_CODES[status], message, ...(p.fields ? { fields: p.fields } : {}) };
  return NextResponse.json({ error }, { status, headers: { "cache-control": "no-store", ...p.headers } });
}

/**
 * A zod refusal as the field list: one entry per problem, an unknown key named as itself
 * (a typo in a filter must not quietly read as "no filter").
 */
export function fieldErrors(error: z.ZodError, where: string): FieldError[] {
  return error.issues.flatMap((i) => {
    if (i.code === "unrecognized_keys") return i.keys.map((k) => ({ path: [...i.path, k].join("."), message: `not a ${where} parameter of this route` }));
    return [{ path: i.path.join(".") || where, message: i.message }];
  });
}

export function invalid(error: z.ZodError, where: "query" | "body"): NextResponse {
  const fields = fieldErrors(error, where);
  return errorResponse(400, `Invalid ${where}: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`, { fields });
}

/** An error thrown past a handler: a missing resource is a 404; anything else a 500 that tells nothing internal. */
export function thrown(e: unknown): NextResponse {
  if (e instanceof NotFoundError) return errorResponse(404, e.message);
  console.error(`[api/v1] ${e instanceof Error ? e.message : String(e)}`);
  return errorResponse(500, publicMessage(e));
}
