import { formatMoney } from "@/components/format";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { FundAccount } from "@/lib/read-models/fund-schemas";

/** The trading accounts 1Token groups under a fund, with its USD valuation of each (`balanceUsd`). */
export function FundAccountsTable({ accounts, method }: { accounts: FundAccount[]; method: string }) {
  if (accounts.length === 0) {
    return <p className="text-sm text-fg-muted">1Token lists no trading account under this fund yet; they appear after a sync reads the fund&apos;s detail.</p>;
  }
  return (
    <ScrollRegion label="The fund's trading accounts, scrollable">
      <table className="w-full whitespace-nowrap text-sm" data-testid="fund-accounts">
        <caption className="sr-only">Trading accounts of the fund</caption>
        <thead className="text-left text-xs uppercase tracking-wide text-fg-subtle">
          <tr className="border-b border-line">
            <th scope="col" className="py-2 pr-3">Name</th>
            <th scope="col" className="py-2 pr-3">Alias</th>
            <th scope="col" className="py-2 pr-3">Account uid</th>
            <th scope="col" className="py-2 pr-3">Venue</th>
            <th scope="col" className="py-2 text-right" title={method}>Balance (USD)</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id} className="border-b border-line-soft last:border-0">
              <th scope="row" className="py-1.5 pr-3 text-left font-medium">{a.name}</th>
              <td className="py-1.5 pr-3">{a.alias ?? <span className="text-fg-subtle">—</span>}</td>
              <td className="py-1.5 pr-3 font-mono text-xs">{a.accountUid}</td>
              <td className="py-1.5 pr-3">{a.venue}</td>
              <td className="py-1.5 text-right tabular-nums">
                {a.balanceUsd === null ? (
                  <span className="text-fg-subtle" title="1Token published no USD balance for this account">—</span>
                ) : (
                  <span title={`${a.balanceUsd} USD (exact, as 1Token reported it)`}>{formatMoney(a.balanceUsd, "USD")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
