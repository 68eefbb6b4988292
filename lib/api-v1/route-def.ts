import { z } from "zod";
import type { WorkspaceRole } from "@/db/schema";
import type { RouteScope } from "@/lib/access/scope";

/**
 * One v1 route, declared once: what it takes (path, query and body schemas), what it
 * answers (its response schema, named as a component of the OpenAPI document), the role it
 * needs, and what it does. The route file serves it (`v1Handler`), the registry lists it,
 * and the OpenAPI document is generated from the very schemas the handler validates and
 * serialises with, so the two cannot drift apart.
 */
export type ObjectSchema = z.ZodObject<z.ZodRawShape>;
export const noInput = z.strictObject({});
type NoInput = typeof noInput;

export interface HandlerInput<P extends ObjectSchema, Q extends ObjectSchema, B extends ObjectSchema> {
  request: Request;
  scope: RouteScope;
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
}

export interface V1Route<
  P extends ObjectSchema = ObjectSchema,
  Q extends ObjectSchema = ObjectSchema,
  B extends ObjectSchema = ObjectSchema,
  R extends z.ZodType = z.ZodType,
> {
  method: "GET" | "POST";
  /** As OpenAPI writes it: `/api/v1/orders/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  role: WorkspaceRole;
  /** Path parameters: one that does not parse (not a uuid) names nothing, so it is a 404, never a 400. */
  params: P;
  query: Q;
  /** POST only. */
  body: B;
  response: { name: string; status: 200 | 202; schema: R };
  /** The answer's body (checked against `response.schema`), or a Response of its own (a 409, say). */
  handle(input: HandlerInput<P, Q, B>): Promise<z.input<R> | Response>;
}

/** Fills the inputs a route leaves out with "none", keeping each schema's own type for its handler. */
export function defineRoute<P extends ObjectSchema = NoInput, Q extends ObjectSchema = NoInput, B extends ObjectSchema = NoInput, R extends z.ZodType = z.ZodType>(
  spec: Omit<V1Route<P, Q, B, R>, "params" | "query" | "body" | "response"> & {
    params?: P;
    query?: Q;
    body?: B;
    response: { name: string; status?: 200 | 202; schema: R };
  },
): V1Route<P, Q, B, R> {
  return {
    ...spec,
    params: spec.params ?? (noInput as unknown as P),
    query: spec.query ?? (noInput as unknown as Q),
    body: spec.body ?? (noInput as unknown as B),
    response: { status: 200, ...spec.response },
  };
}

/** Any route, for lists of them (the registry, the document). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyV1Route = V1Route<any, any, any, any>;
