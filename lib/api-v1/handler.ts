import { NextResponse } from "next/server";
import { guardRoute, type RefusalShape } from "@/lib/access/route";
import { errorResponse, invalid, thrown, type ErrorStatus } from "./envelope";
import type { AnyV1Route } from "./route-def";

/** The guard's refusals (401, 403, 404, 429 with Retry-After) and failures in the v1 error shape. */
const v1Refusals: RefusalShape = {
  refuse: (status, message, headers) => errorResponse(status as ErrorStatus, message, { headers }),
  fail: thrown,
};

type Context = { params?: Promise<Record<string, string | string[]>> };
type Inputs = { params: unknown; query: unknown; body: unknown };

/** The request's path params, query and (POST) JSON body by the route's schemas, or the answer that refuses them. */
async function readInputs(route: AnyV1Route, request: Request, context?: Context): Promise<Inputs | Response> {
  const params = route.params.safeParse((await context?.params) ?? {});
  if (!params.success) return errorResponse(404, "Not found");
  const query = route.query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalid(query.error, "query");
  if (route.method !== "POST") return { params: params.data, query: query.data, body: {} };
  const raw: unknown = await request.json().catch(() => undefined);
  if (raw === undefined) return errorResponse(400, "The body must be JSON", { fields: [{ path: "body", message: "not JSON" }] });
  const body = route.body.safeParse(raw);
  if (!body.success) return invalid(body.error, "body");
  return { params: params.data, query: query.data, body: body.data };
}

/**
 * A route file's export: `export const GET = v1Handler(ordersRoute)`. Guards by the route's
 * role (cookie or Bearer key), validates path, query and body with the route's schemas,
 * runs it in the caller's workspace, and checks the answer against its response schema.
 */
export function v1Handler(route: AnyV1Route): (request: Request, context?: Context) => Promise<Response> {
  return (request, context) =>
    guardRoute(
      request,
      route.role,
      async (scope) => {
        const inputs = await readInputs(route, request, context);
        if (inputs instanceof Response) return inputs;
        const out = await route.handle({ request, scope, ...inputs });
        if (out instanceof Response) return out;
        const checked = route.response.schema.safeParse(out);
        if (!checked.success) {
          console.error(`[api/v1] ${route.operationId}: response failed its schema: ${checked.error.message}`);
          return errorResponse(500, "The server produced an invalid response");
        }
        return NextResponse.json(checked.data, { status: route.response.status, headers: { "cache-control": "no-store" } });
      },
      v1Refusals,
    );
}
