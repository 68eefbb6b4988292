import type { Metadata } from "next";
import { connection } from "next/server";
import { listMembers } from "@/db/queries/members";
import { Card } from "@/components/ui/card";
import { requirePageScope } from "@/lib/access/page";
import { DeleteWorkspaceForm } from "./_components/delete-workspace-form";
import { TransferForm } from "./_components/transfer-form";

export const metadata: Metadata = { title: "Ownership · Settings" };

/**
 * Who owns the workspace; for its owner, handing it to another member and deleting it.
 * Everyone else sees the owners and whom to ask.
 */
export default async function OwnershipPage() {
  await connection();
  const { db, ownerId, viewer } = await requirePageScope("/settings/ownership");
  const ws = viewer.workspace;
  const members = await listMembers(db, { ownerId });
  const owners = members.filter((m) => m.role === "owner");
  const isOwner = ws.role === "owner";
  return (
    <div className="space-y-4">
      <Card title={owners.length === 1 ? "Owner" : "Owners"}>
        <ul className="divide-y divide-line text-sm" data-testid="owner-list">
          {owners.map((o) => (
            <li key={o.memberId} className="flex flex-wrap items-baseline gap-x-3 py-2">
              <span className="font-medium">
                {o.name}
                {o.userId === viewer.user.id && <span className="ml-2 text-xs font-normal text-fg-subtle">(you)</span>}
              </span>
              <span className="min-w-0 break-all text-fg-muted">{o.email}</span>
            </li>
          ))}
        </ul>
        <p className="mt-3 text-sm text-fg-muted">
          An owner can do everything in {ws.name}, including handing ownership to another member and deleting the workspace.
          {!isOwner && ` Your role here is ${ws.role}; ask an owner for either.`}
        </p>
      </Card>
      {isOwner && (
        <>
          <Card title="Transfer ownership">
            <TransferForm
              workspace={ws.name}
              candidates={members.filter((m) => m.role !== "owner").map((m) => ({ memberId: m.memberId, name: m.name, email: m.email, role: m.role }))}
            />
          </Card>
          <Card title="Delete workspace">
            <DeleteWorkspaceForm workspaceId={ws.id} workspace={ws.name} memberCount={members.length} />
          </Card>
        </>
      )}
    </div>
  );
}
