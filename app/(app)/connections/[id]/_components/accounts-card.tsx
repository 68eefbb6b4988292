import { formatMoney } from "@/components/format";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/states";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { AccountDetail } from "@/lib/read-models/connection-detail";
import { AuditStatus } from "./audit-status";

/** The venue accounts this connection found, as the venue names and groups them, with their audit chain's status. */
export function AccountsCard({ accounts, canVerify }: { accounts: AccountDetail[]; canVerify: boolean }) {
  return (
    <Card title="Accounts">
      {accounts.length === 0 ? (
        <EmptyState title="No accounts yet">They appear after the first successful sync.</EmptyState>
      ) : (
        <ScrollRegion label="Accounts, scrollable">
          <table className="w-full whitespace-nowrap text-sm" data-testid="accounts-table">
            <thead className="text-left text-xs uppercase tracking-wide text-fg-subtle">
              <tr className="border-b border-line">
                <th scope="col" className="py-2 pr-4 font-medium">Name</th>
                <th scope="col" className="py-2 pr-4 font-medium">Alias</th>
                <th scope="col" className="py-2 pr-4 font-medium">Account uid</th>
                <th scope="col" className="py-2 pr-4 font-medium">Kind</th>
                <th scope="col" className="py-2 pr-4 text-right font-medium" title="The venue's own valuation, where it publishes one">
                  Balance (venue, USD)
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">Portfolio</th>
                <th scope="col" className="py-2 font-medium">Audit chain</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id} className="border-b border-line-soft last:border-0">
                  <td className="py-2 pr-4 font-medium">
                    <a href={`#account-${a.id}`} className="hover:underline">
                      {a.name}
                    </a>
                  </td>
                  <td className="py-2 pr-4 text-fg-muted">{a.alias ?? "—"}</td>
                  <td className="py-2 pr-4 font-mono text-xs">{a.accountUid}</td>
                  <td className="py-2 pr-4">{a.kind}</td>
                  <td className="py-2 pr-4 text-right">{a.balanceUsd === null ? <span className="text-fg-subtle">not published</span> : formatMoney(a.balanceUsd, "USD")}</td>
                  <td className="py-2 pr-4 text-fg-muted">{a.portfolio ?? "—"}</td>
                  <td className="py-2">
                    <AuditStatus accountId={a.id} accountName={a.name} audit={a.audit} canVerify={canVerify} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Card>
  );
}
