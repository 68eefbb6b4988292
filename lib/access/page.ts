import { headers } from "next/headers";
import { cache } from "react";
import { redirect } from "next/navigation";
import { hasAnyUser } from "@/db/queries/workspaces";
import type { WorkspaceRole } from "@/db/schema";
import { getRuntime } from "@/lib/runtime/app-db";
import { AccessError } from "./errors";
import { REQUEST_PATH_HEADER, safeNextPath } from "./next-path";
import { scopeFor, viewerOf, type Scope } from "./scope";

/**
 * A page's scope, or a redirect: to "create the owner account" on an install nobody has
 * signed up to yet, to `/sign-in?next=<path>` without a session. `path` is the page's own
 * URL, so signing in lands back on it.
 */
export async function requirePageScope(path: string, needed: WorkspaceRole = "viewer"): Promise<Scope> {
  try {
    const { handle } = await getRuntime();
    return scopeFor(handle.db, await requestViewer(), needed);
  } catch (e) {
    if (!(e instanceof AccessError) || e.status !== 401) throw e;
    const { handle } = await getRuntime();
    if (!(await hasAnyUser(handle.db))) redirect("/sign-up");
    redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  }
}

/** One session lookup per request, however many layouts and pages ask. */
const requestViewer = cache(async () => viewerOf(await headers()));

/** For layouts, which do not know their page: the path comes from proxy.ts. */
export async function requireLayoutScope(): Promise<Scope> {
  return requirePageScope(safeNextPath((await headers()).get(REQUEST_PATH_HEADER) ?? "/"));
}
