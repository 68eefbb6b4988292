import { NextResponse } from "next/server";
import type { WorkspaceRole } from "@/db/schema";
import { failure } from "@/lib/read-models/respond";
import { AccessError } from "./errors";
import { requireRouteScope, type RouteScope } from "./scope";

/**
 * A route handler's body, run only for a signed-in viewer, or an API key, with at least
 * `needed` in the workspace. Refusals are JSON: 401, 403 naming the role, 404 across
 * workspaces, 429 (with Retry-After) for a key over its rate limit.
 */
export async function guardRoute(
  request: Request,
  needed: WorkspaceRole,
  body: (scope: RouteScope) => Promise<Response>,
  shape: RefusalShape = plainRefusal,
): Promise<Response> {
  try {
    return await body(await requireRouteScope(request.headers, needed));
  } catch (e) {
    if (e instanceof AccessError) return shape.refuse(e.status, e.message, refusalHeaders(e));
    return shape.fail(e);
  }
}

/**
 * How a family of routes words a refusal: the app's routes as `{ error }`, the versioned
 * API (lib/api-v1) as its own `{ error: { code, message } }`. Status and headers are the
 * guard's either way.
 */
export interface RefusalShape {
  refuse(status: number, message: string, headers: Record<string, string>): Response;
  fail(e: unknown): Response;
}

const plainRefusal: RefusalShape = {
  refuse: (status, message, headers) => NextResponse.json({ error: message }, { status, headers }),
  fail: failure,
};

function refusalHeaders(e: AccessError): Record<string, string> {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (e.retryAfterSeconds !== undefined) headers["retry-after"] = String(e.retryAfterSeconds);
  // A 401 says how to authenticate (RFC 9110): with a session cookie, or a key as a Bearer token.
  if (e.status === 401) headers["www-authenticate"] = 'Bearer realm="venuefolio"';
  return headers;
}
