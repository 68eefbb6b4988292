import type { ReactNode } from "react";
import { formatDate, formatDateTime } from "@/components/format";
import type { FundDetail } from "@/lib/read-models/fund-schemas";
import { NavText, NetAssetsText, pointCurrency, ReturnText } from "./fund-figures";

function Figure({ label, title, children }: { label: string; title: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-fg-subtle" title={title}>{label}</dt>
      <dd className="font-medium tabular-nums">{children}</dd>
    </div>
  );
}

/** A fund's identity and its last valuation's figures, each naming its method on hover. */
export function FundFigures({ detail }: { detail: FundDetail }) {
  const { fund, methods, timeZone } = detail;
  const latest = fund.latest;
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-4" data-testid="fund-figures">
      <Figure label="1Token fund" title="The fund's name at 1Token">
        <span className="break-all">{fund.externalId ?? "—"}</span>
      </Figure>
      <Figure label="Alias" title="The fund's alias at 1Token">{fund.alias ?? "—"}</Figure>
      <Figure label="Department" title="The 1Token department the fund was listed for">{fund.department?.name ?? "—"}</Figure>
      <Figure label="Base currency" title="The fund's valuation currency at 1Token">{fund.baseCurrency}</Figure>
      {latest ? (
        <>
          <Figure label="NAV per unit" title={methods.navPerUnit}><NavText value={latest.navPerUnit} /></Figure>
          <Figure label="Net assets" title={methods.netAssets}>
            <NetAssetsText value={latest.netAssets} currency={pointCurrency(latest, fund.baseCurrency)} />
          </Figure>
          <Figure label="Gross return (last interval)" title={methods.grossReturn}><ReturnText value={latest.grossReturn} /></Figure>
          <Figure label="Net return (last interval)" title={methods.netReturn}><ReturnText value={latest.netReturn} /></Figure>
          <Figure label="Last valuation" title="When 1Token valued the fund last, in the workspace's time zone">
            <time dateTime={latest.at}>{formatDateTime(latest.at, timeZone)}</time>
          </Figure>
          <Figure label="Snapshot id" title="The last valuation's id: 1Token publishes none, so it is the fund and the snapshot's nanosecond time">
            <span className="break-all font-mono text-xs">{latest.snapshotId}</span>
          </Figure>
        </>
      ) : (
        <div className="col-span-2 text-fg-muted sm:col-span-4">No valuation yet: the figures appear after a sync reads the fund&apos;s NAV.</div>
      )}
      <Figure label="Inception" title="The fund's inception time at 1Token">
        {fund.inceptionAt ? <time dateTime={fund.inceptionAt}>{formatDate(fund.inceptionAt, timeZone)}</time> : "—"}
      </Figure>
      <Figure label="Valuations stored" title="How many of 1Token's NAV points are stored for the fund">{detail.points.toLocaleString("en-US")}</Figure>
    </dl>
  );
}
