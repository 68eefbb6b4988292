"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { formatDateTime, formatMoney, formatPct, signTone } from "@/components/format";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { signToneClass } from "@/components/ui/tone";
import type { Exposure } from "@/lib/read-models/exposure-schemas";
import { exposureQuery } from "@/lib/read-models/query-options";
import { BreakdownTable } from "./breakdown-table";
import { ConcentrationBanner } from "./concentration-banner";
import { DerivativesTable } from "./derivatives-table";
import { formatHhi, times } from "./exposure-format";
import { MethodNotes } from "./method-notes";
import { methodTitle } from "./methods";
import { UnderlyingTable } from "./underlying-table";
import { usePortfolioKey } from "@/components/portfolios/use-portfolio-key";

function Figure({ label, title, children, testId }: { label: string; title: string; children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <dt className="text-xs text-fg-subtle" title={title}>{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{children}</dd>
    </div>
  );
}

function Headline({ data, timeZone }: { data: Exposure; timeZone: string }) {
  const ccy = data.baseCurrency;
  const t = data.totals!;
  const c = data.concentration!;
  return (
    <Card title="Exposure">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
        <Figure label="Equity (NAV)" title="Σ equity of each connection's latest snapshot">{data.equity === null ? "—" : formatMoney(data.equity, ccy)}</Figure>
        <Figure label="Gross exposure" title={methodTitle("totalGross")} testId="figure-gross">{formatMoney(t.gross, ccy)}</Figure>
        <Figure label="Net exposure" title={methodTitle("net")} testId="figure-net">
          <span className={signToneClass[signTone(t.net)]}>{formatMoney(t.net, ccy, { signed: true })}</span>
        </Figure>
        <Figure label="Leverage" title={methodTitle("totalLeverage")} testId="figure-leverage">{times(t.leverage)}</Figure>
        <Figure label="HHI" title={methodTitle("herfindahl")} testId="figure-hhi">{formatHhi(c.herfindahl)}</Figure>
        <Figure label="Top 5" title={methodTitle("top5")} testId="figure-top5">{formatPct(c.top5Weight)}</Figure>
      </dl>
      <p className="mt-3 text-xs text-fg-subtle">
        {data.asOf && <>As of the latest snapshots, {formatDateTime(data.asOf, timeZone)}. </>}
        Stablecoins and cash are money, not a bet: they count in allocation, not in exposure rows.
        {data.notValued.length > 0 && (
          <span className="font-medium text-amber-800 dark:text-amber-300" data-testid="not-valued-note">
            {" "}
            Partial: {data.notValued.join(", ")} {data.notValued.length === 1 ? "has" : "have"} no snapshot in {data.baseCurrency} yet and{" "}
            {data.notValued.length === 1 ? "is" : "are"} left out.
          </span>
        )}
        {data.unpriced.length > 0 && (
          <span className="font-medium text-amber-800 dark:text-amber-300" data-testid="unpriced-note">
            {" "}
            Excludes {data.unpriced.length} unpriced {data.unpriced.length === 1 ? "holding" : "holdings"}: {data.unpriced.map((u) => u.symbol ?? u.asset).join(", ")}.
          </span>
        )}
      </p>
      <MethodNotes keys={["totalGross", "totalLeverage", "herfindahl", "top5"]} />
    </Card>
  );
}

function Concentration({ data }: { data: Exposure }) {
  const c = data.concentration!;
  return (
    <Card title="Concentration">
      {c.top.length === 0 ? (
        <EmptyState title="Nothing held to weigh" />
      ) : (
        <ol className="space-y-1 text-sm" data-testid="top-weights">
          {c.top.map((t, i) => (
            <li key={t.asset} className="flex justify-between gap-4 tabular-nums">
              <span>
                <span className="text-fg-subtle">{i + 1}.</span> {t.asset}
              </span>
              <span>{formatPct(t.weight)}</span>
            </li>
          ))}
        </ol>
      )}
      <p className="mt-3 text-xs text-fg-subtle">
        Largest shares of |net value| by asset, cash included; a non-cash asset above {formatPct(c.threshold)} raises the flag.
      </p>
    </Card>
  );
}

/**
 * The /exposure page's body: headline figures, the concentration flag, per-underlying rows,
 * the breakdowns by venue, account, asset class and sector, and the derivatives with their
 * distance to liquidation. Every figure's heading names its method (tooltip and footnote).
 */
export function ExposureView({ timeZone }: { timeZone: string }) {
  const { data, isPending, isError, error, refetch } = useQuery(exposureQuery(usePortfolioKey()));
  if (isPending) return <LoadingState label="Loading the exposure" blocks={["h-28", "h-64", "h-64"]} />;
  if (isError) return <ErrorState title="The exposure could not load" message={error.message} onRetry={() => void refetch()} />;
  if (data.state === "empty") {
    return (
      <EmptyState title="Connect a venue to see exposure" action={{ href: "/connections/new", label: "Add a connection" }}>
        Exposure is measured on each connection&apos;s latest snapshot in {data.baseCurrency}; none exists yet.
      </EmptyState>
    );
  }
  const ccy = data.baseCurrency;
  return (
    <div className="space-y-4">
      <ConcentrationBanner concentration={data.concentration!} />
      <Headline data={data} timeZone={timeZone} />
      <Card title="Per underlying">
        {data.underlyings.length === 0 ? (
          <EmptyState title="No exposure: only cash and stablecoins are held" />
        ) : (
          <UnderlyingTable data={data} />
        )}
        <MethodNotes keys={["long", "short", "net", "gross", "netWeight", "leverage", "sector"]} testId="underlying-methods" />
        <p className="mt-1 text-xs text-fg-subtle">
          The Σ row adds each side, so a hedged pair counts twice there; the headline gross and leverage net each underlying first.
        </p>
      </Card>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <Card title="By venue">
          <BreakdownTable
            name="Exposure by venue"
            keyLabel="Venue"
            currency={ccy}
            extraLabel="Equity"
            extraTitle="The connection's latest snapshot: where the money sits"
            rows={data.byVenue.map((v) => ({ ...v, extra: v.equity }))}
          />
        </Card>
        <Card title="By account">
          <BreakdownTable name="Exposure by account" keyLabel="Account" currency={ccy} rows={data.byAccount.map((a) => ({ ...a, detail: a.connectionLabel }))} />
        </Card>
        <Card title="By asset class">
          <BreakdownTable name="Exposure by asset class" keyLabel="Asset class" currency={ccy} rows={data.byAssetClass} />
        </Card>
        <Card title="By sector">
          <BreakdownTable
            name="Exposure by sector"
            keyLabel="Sector"
            currency={ccy}
            rows={data.bySector.map((s) => ({ ...s, detail: s.assets.join(", ") }))}
          />
          <MethodNotes keys={["allocation", "sector"]} />
        </Card>
      </div>
      <Concentration data={data} />
      <Card title="Derivatives">
        {data.derivatives.length === 0 ? (
          <EmptyState title="No open derivatives positions" />
        ) : (
          <DerivativesTable rows={data.derivatives} />
        )}
        <MethodNotes keys={["liquidation"]} testId="derivatives-methods" />
      </Card>
    </div>
  );
}
