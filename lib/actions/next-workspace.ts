import { headers } from "next/headers";
import type { Db } from "@/db/client";
import { listMemberships } from "@/db/queries/workspaces";
import { getRuntime } from "@/lib/runtime/app-db";

/**
 * Where a person lands after leaving or deleting their active workspace: their oldest other
 * membership, made the session's active workspace, or null when none is left (the pages then
 * send them to /no-workspace, which says what happened and what to do).
 */
export async function moveToNextWorkspace(db: Db, userId: string): Promise<{ id: string; name: string } | null> {
  const [next] = await listMemberships(db, userId);
  if (!next) return null;
  const { auth } = await getRuntime();
  await auth.api.setActiveOrganization({ headers: await headers(), body: { organizationId: next.workspace.id } });
  return { id: next.workspace.id, name: next.workspace.name };
}
