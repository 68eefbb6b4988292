import { NextResponse } from "next/server";
import type { WorkspaceRole } from "@/db/schema";
import { failure } from "@/lib/read-models/respond";
import { AccessError } from "./errors";
import { requireScope, type Scope } from "./scope";

/**
 * A route handler's body, run only for a signed-in viewer with at least `needed` in the
 * active workspace. Refusals are JSON: 401, 403 naming the role, 404 across workspaces.
 */
export async function guardRoute(request: Request, needed: WorkspaceRole, body: (scope: Scope) => Promise<Response>): Promise<Response> {
  try {
    return await body(await requireScope(request.headers, needed));
  } catch (e) {
    if (e instanceof AccessError) return NextResponse.json({ error: e.message }, { status: e.status, headers: { "cache-control": "no-store" } });
    return failure(e);
  }
}
