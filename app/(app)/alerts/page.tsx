import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import { alertTableConfig } from "@/components/alerts/alert-table-config";
import { parseTableState } from "@/components/data-table/url-state";
import { Card } from "@/components/ui/card";
import { getAlertThresholds } from "@/db/queries/alert-thresholds";
import { listConnections } from "@/db/queries/connections";
import { requirePageScope } from "@/lib/access/page";
import { DEFAULT_CONCENTRATION_THRESHOLD, DEFAULT_DRAWDOWN_THRESHOLD } from "@/lib/alerts/risk-calculate";
import { hasRole } from "@/lib/auth/roles";
import { D } from "@/lib/money/decimal";
import { loadActiveMutes, loadAlertPage } from "@/lib/read-models/alert-data";
import { alertKeys } from "@/lib/read-models/query-options";
import { AlertList } from "./_components/alert-list";
import { MuteForm } from "./_components/mute-form";
import { MuteList } from "./_components/mute-list";
import { CheckRisksButton, RiskLimits } from "./_components/risk-limits";

export const metadata: Metadata = { title: "Alerts" };

const pct = (fraction: string | number) => new D(fraction).times(100).toDecimalPlaces(2).toString();

/**
 * The workspace's alerts (filters in the URL), what is muted and until when, and the risk
 * limits. Members acknowledge and mute; admins set the limits. Channels are the next tab.
 */
export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { db, ownerId, viewer } = await requirePageScope("/alerts");
  const now = new Date();
  const canAct = hasRole(viewer.workspace.role, "member");
  const connections = (await listConnections(db, { ownerId })).map((c) => ({ id: c.id, label: c.label }));
  const request = parseTableState(await searchParams, alertTableConfig(connections));
  const queryClient = new QueryClient();
  const [, mutes, thresholds] = await Promise.all([
    queryClient.prefetchQuery({ queryKey: alertKeys.page(request), queryFn: () => loadAlertPage(db, { ownerId, request, now }) }),
    loadActiveMutes(db, { ownerId, now }),
    getAlertThresholds(db, { ownerId }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="space-y-4">
        <Card title="Alerts" actions={canAct ? <CheckRisksButton /> : undefined}>
          <AlertList connections={connections} canAct={canAct} />
        </Card>
        <div className="grid gap-4 lg:grid-cols-2">
          <Card title="Muted">
            <div className="space-y-5">
              <MuteList mutes={mutes} canAct={canAct} />
              {canAct && <MuteForm connections={connections} />}
            </div>
          </Card>
          <Card title="Risk limits">
            <RiskLimits
              concentrationPct={pct(thresholds?.concentration ?? DEFAULT_CONCENTRATION_THRESHOLD)}
              drawdownPct={pct(thresholds?.drawdown ?? DEFAULT_DRAWDOWN_THRESHOLD)}
              canEdit={hasRole(viewer.workspace.role, "admin")}
            />
          </Card>
        </div>
      </div>
    </HydrationBoundary>
  );
}
