import { headers } from "next/headers";
import { cache } from "react";
import { redirect } from "next/navigation";
import { hasAnyUser } from "@/db/queries/workspaces";
import type { WorkspaceRole } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { getRuntime } from "@/lib/runtime/app-db";
import { AccessError, NoWorkspaceError } from "./errors";
import { REQUEST_PATH_HEADER, safeNextPath } from "./next-path";
import { scopeFor, viewerOf, type Scope } from "./scope";

/**
 * A page's scope, or a redirect: to "create the owner account" on an install nobody has
 * signed up to yet, to `/sign-in?next=<path>` without a session, to `/no-workspace` (what
 * happened and what to do) for someone in no workspace. `path` is the page's own URL, so
 * signing in lands back on it.
 */
export async function requirePageScope(path: string, needed: WorkspaceRole = "viewer"): Promise<Scope> {
  try {
    const { handle } = await getRuntime();
    return scopeFor(handle.db, await requestViewer(), needed);
  } catch (e) {
    if (e instanceof NoWorkspaceError) redirect(NO_WORKSPACE_PATH);
    if (!(e instanceof AccessError) || e.status !== 401) throw e;
    const { handle } = await getRuntime();
    if (!(await hasAnyUser(handle.db))) redirect("/sign-up");
    redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  }
}

/** Where someone signed in but in no workspace is sent. */
export const NO_WORKSPACE_PATH = "/no-workspace";

/** The signed-in person behind this request (in a workspace or not), or a redirect to sign in. */
export async function requireSignedIn(path: string): Promise<Viewer> {
  const viewer = await requestViewer();
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  return viewer;
}

/** One session lookup per request, however many layouts and pages ask. */
const requestViewer = cache(async () => viewerOf(await headers()));

/** For layouts, which do not know their page: the path comes from proxy.ts. */
export async function requireLayoutScope(): Promise<Scope> {
  return requirePageScope(safeNextPath((await headers()).get(REQUEST_PATH_HEADER) ?? "/"));
}
