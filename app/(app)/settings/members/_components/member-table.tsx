import { formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { MemberActions } from "./member-actions";

export interface MemberView {
  memberId: string;
  userId: string;
  name: string;
  email: string;
  role: string;
  joinedAt: string;
  you: boolean;
  /** Whether the viewer may change this member's role or remove them (admins, never on an owner or themselves). */
  manageable: boolean;
}

/**
 * Everyone in the workspace with their role; the table scrolls inside its card on a phone.
 * Rows the viewer may change carry a menu (another role, removal); others carry none.
 */
export function MemberTable({ members, workspace }: { members: MemberView[]; workspace: string }) {
  const anyActions = members.some((m) => m.manageable);
  return (
    <ScrollRegion label="Members">
      <table className="w-full min-w-[32rem] text-sm" data-testid="member-table">
        <thead>
          <tr className="border-b border-line text-left text-xs uppercase tracking-wide text-fg-subtle">
            <th scope="col" className="py-2 pr-4 font-medium">Name</th>
            <th scope="col" className="py-2 pr-4 font-medium">Email</th>
            <th scope="col" className="py-2 pr-4 font-medium">Role</th>
            <th scope="col" className="py-2 pr-4 font-medium">Joined</th>
            {anyActions && (
              <th scope="col" className="py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId} className="border-b border-line last:border-0">
              <td className="py-2 pr-4">
                {m.name}
                {m.you && <span className="ml-2 text-xs text-fg-subtle">(you)</span>}
              </td>
              <td className="py-2 pr-4 text-fg-muted">{m.email}</td>
              <td className="py-2 pr-4">
                <Badge tone={m.role === "owner" || m.role === "admin" ? "good" : "neutral"}>{m.role}</Badge>
              </td>
              <td className="py-2 pr-4 text-fg-muted">
                <time dateTime={m.joinedAt} suppressHydrationWarning>
                  {formatDateTime(m.joinedAt)}
                </time>
              </td>
              {anyActions && <td className="py-1 text-right">{m.manageable && <MemberActions member={m} workspace={workspace} />}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
