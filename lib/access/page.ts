import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { hasAnyUser } from "@/db/queries/workspaces";
import type { WorkspaceRole } from "@/db/schema";
import { getRuntime } from "@/lib/runtime/app-db";
import { AccessError } from "./errors";
import { requireScope, type Scope } from "./scope";

/**
 * A page's scope, or a redirect: to "create the owner account" on an install nobody has
 * signed up to yet, to `/sign-in?next=<path>` without a session. `path` is the page's own
 * URL, so signing in lands back on it.
 */
export async function requirePageScope(path: string, needed: WorkspaceRole = "viewer"): Promise<Scope> {
  try {
    return await requireScope(await headers(), needed);
  } catch (e) {
    if (!(e instanceof AccessError) || e.status !== 401) throw e;
    const { handle } = await getRuntime();
    if (!(await hasAnyUser(handle.db))) redirect("/sign-up");
    redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  }
}
