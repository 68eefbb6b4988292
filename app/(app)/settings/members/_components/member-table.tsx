import { formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { ScrollRegion } from "@/components/ui/scroll-region";

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: string;
  joinedAt: string;
  you: boolean;
}

/** Everyone in the workspace with their role; the table scrolls inside its card on a phone. */
export function MemberTable({ members }: { members: MemberView[] }) {
  return (
    <ScrollRegion label="Members">
      <table className="w-full min-w-[32rem] text-sm" data-testid="member-table">
        <thead>
          <tr className="border-b border-line text-left text-xs uppercase tracking-wide text-fg-subtle">
            <th scope="col" className="py-2 pr-4 font-medium">Name</th>
            <th scope="col" className="py-2 pr-4 font-medium">Email</th>
            <th scope="col" className="py-2 pr-4 font-medium">Role</th>
            <th scope="col" className="py-2 font-medium">Joined</th>
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
              <td className="py-2 text-fg-muted">
                <time dateTime={m.joinedAt} suppressHydrationWarning>
                  {formatDateTime(m.joinedAt)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
