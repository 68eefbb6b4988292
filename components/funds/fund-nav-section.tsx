import { NavPerUnitChart } from "@/components/charts/nav-per-unit-chart";
import { toChartNumber } from "@/components/format";
import { EmptyState } from "@/components/ui/states";
import type { FundDetail } from "@/lib/read-models/fund-schemas";
import { pointCurrency } from "./fund-figures";

/** The NAV-per-unit chart of a fund, or why there is none; NAV becomes a number here only, at the chart's edge. */
export function FundNavSection({ detail }: { detail: FundDetail }) {
  const { chart, fund, timeZone } = detail;
  if (chart.points.filter((p) => p.navPerUnit !== null).length < 2) {
    return (
      <EmptyState title="Not enough NAV history for a chart yet">
        1Token&apos;s historical NAV is read on every sync of the fund&apos;s connection; the chart appears from the second day with a NAV.
      </EmptyState>
    );
  }
  return (
    <div>
      <NavPerUnitChart
        currency={pointCurrency(fund.latest, fund.baseCurrency)}
        timeZone={timeZone}
        points={chart.points.map((p) => ({
          t: new Date(p.at).getTime(),
          value: p.navPerUnit === null ? null : toChartNumber(p.navPerUnit),
          nav: p.navPerUnit,
          netAssets: p.netAssets,
        }))}
      />
      <p className="mt-2 text-xs text-fg-subtle">
        NAV per unit (1Token&apos;s accum_nav), the last valuation of each day in {timeZone}
        {chart.truncated ? `; the newest ${chart.maxDays} days — older history is stored but not drawn` : ""}. A day without a NAV is a gap.
      </p>
    </div>
  );
}
