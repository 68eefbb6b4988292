import type { Metadata } from "next";
import { connection } from "next/server";
import { listMembers, listOpenInvitations } from "@/db/queries/members";
import { Card } from "@/components/ui/card";
import { requirePageScope } from "@/lib/access/page";
import { hasRole } from "@/lib/auth/roles";
import { invitationPath } from "@/lib/read-models/members";
import { InvitationList } from "./_components/invitation-list";
import { InviteForm } from "./_components/invite-form";
import { LeaveWorkspace } from "./_components/leave-workspace";
import { MemberTable } from "./_components/member-table";

export const metadata: Metadata = { title: "Members · Settings" };

/**
 * The workspace's people: who is in it with which role; for admins, changing a role, removing
 * someone, inviting with a link and withdrawing an open invitation; for everyone, leaving.
 */
export default async function SettingsPage() {
  await connection();
  const { db, ownerId, viewer } = await requirePageScope("/settings/members");
  const admin = hasRole(viewer.workspace.role, "admin");
  const [members, invitations] = await Promise.all([listMembers(db, { ownerId }), admin ? listOpenInvitations(db, { ownerId, now: new Date() }) : []]);
  const onlyOwner = viewer.workspace.role === "owner" && members.filter((m) => m.role === "owner").length === 1;
  return (
    <div className="space-y-4">
      <Card title={`Members of ${viewer.workspace.name}`}>
        <MemberTable
          workspace={viewer.workspace.name}
          members={members.map((m) => {
            const you = m.userId === viewer.user.id;
            return { ...m, joinedAt: m.joinedAt.toISOString(), you, manageable: admin && !you && m.role !== "owner" };
          })}
        />
      </Card>
      <Card title="Invitations">
        {admin ? (
          <div className="space-y-5">
            <InviteForm />
            <InvitationList invitations={invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString(), path: invitationPath(i.id) }))} />
          </div>
        ) : (
          <p className="text-sm text-fg-muted">Admins and owners invite people. Your role here is {viewer.workspace.role}.</p>
        )}
      </Card>
      <Card title="Leave workspace">
        <LeaveWorkspace workspace={viewer.workspace.name} onlyOwner={onlyOwner} />
      </Card>
    </div>
  );
}
