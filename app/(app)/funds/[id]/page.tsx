import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { z } from "zod";
import { FundAccountsTable } from "@/components/funds/fund-accounts-table";
import { FundFigures } from "@/components/funds/fund-figures-card";
import { FundNavSection } from "@/components/funds/fund-nav-section";
import { FundMethodsNote } from "@/components/funds/fund-table";
import { FundValuationsTable } from "@/components/funds/fund-valuations-table";
import { Card } from "@/components/ui/card";
import { NotFoundError } from "@/db/queries/not-found";
import { requirePageScope } from "@/lib/access/page";
import { loadFundDetail } from "@/lib/read-models/fund-data";

export const metadata: Metadata = { title: "Fund" };

/**
 * One 1Token fund: its last valuation's figures and snapshot id, NAV per unit over time, its
 * newest valuations, and the trading accounts 1Token groups under it. Another workspace's
 * fund (or a made-up id, or a manual portfolio) is a 404, like one that does not exist.
 */
export default async function FundPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const { db, ownerId, viewer } = await requirePageScope(`/funds/${encodeURIComponent(id)}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const detail = await loadFundDetail(db, { ownerId, portfolioId: id, timeZone: viewer.workspace.timeZone }).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return (
    <div className="space-y-4">
      <Link href="/funds" className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        ← Funds
      </Link>
      <Card title={`Fund ${detail.fund.name}`}>
        <div className="space-y-4">
          <FundFigures detail={detail} />
          <FundMethodsNote methods={detail.methods} timeZone={detail.timeZone} />
        </div>
      </Card>
      <Card title="NAV per unit">
        <FundNavSection detail={detail} />
      </Card>
      {detail.recent.length > 0 && (
        <Card title="Valuations">
          <FundValuationsTable detail={detail} />
        </Card>
      )}
      <Card title="Trading accounts">
        <div className="space-y-2">
          <FundAccountsTable accounts={detail.accounts} method={detail.methods.balanceUsd} />
          <p className="text-xs text-fg-subtle">{detail.methods.balanceUsd}.</p>
        </div>
      </Card>
    </div>
  );
}
