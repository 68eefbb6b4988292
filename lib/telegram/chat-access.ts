import type { Db } from "@/db/client";
import { findLink } from "@/db/queries/telegram";
import { listMemberships } from "@/db/queries/workspaces";
import type { TelegramLinkRow, Workspace, WorkspaceRole } from "@/db/schema";

export type ChatAccess =
  | { kind: "unlinked" }
  /** Linked, but the person who linked it is no longer a member: the chat gets nothing. */
  | { kind: "removed"; link: TelegramLinkRow }
  | { kind: "linked"; link: TelegramLinkRow; role: WorkspaceRole; workspace: Workspace };

/**
 * Who a chat acts as, looked up on every update (never cached): the linking person's role in
 * the linked workspace now, so a role change or a removal counts from the next message.
 */
export async function chatAccess(db: Db, p: { botKey: string; chatId: string }): Promise<ChatAccess> {
  const link = await findLink(db, p);
  if (!link) return { kind: "unlinked" };
  const membership = (await listMemberships(db, link.userId)).find((m) => m.workspace.id === link.ownerId);
  if (!membership) return { kind: "removed", link };
  return { kind: "linked", link, role: membership.role, workspace: membership.workspace };
}
