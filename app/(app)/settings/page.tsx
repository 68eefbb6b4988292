import type { Metadata } from "next";
import { connection } from "next/server";
import { Card } from "@/components/ui/card";
import { listSnapshotCurrencies } from "@/db/queries/snapshot-currencies";
import { getRiskFreeRate } from "@/db/queries/workspaces";
import { requirePageScope } from "@/lib/access/page";
import { hasRole } from "@/lib/auth/roles";
import { BASE_CURRENCIES, baseCurrencyLabel } from "@/lib/prices/base-currencies";
import { fractionToPercent } from "@/lib/read-models/workspace-settings";
import { supportedTimeZones } from "@/lib/time/time-zones";
import { WorkspaceSettingsForm } from "./_components/workspace-settings-form";

export const metadata: Metadata = { title: "Workspace · Settings" };

/**
 * The active workspace's own settings: its address and the viewer's role, and its base
 * currency and time zone, which admins and owners change here and everyone else reads.
 */
export default async function WorkspaceSettingsPage() {
  await connection();
  const { db, ownerId, viewer } = await requirePageScope("/settings");
  const ws = viewer.workspace;
  const admin = hasRole(ws.role, "admin");
  const [history, riskFreeRate] = await Promise.all([admin ? listSnapshotCurrencies(db, { ownerId }) : [], getRiskFreeRate(db, { ownerId })]);
  return (
    <Card title={ws.name}>
      <dl className="grid gap-3 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-fg-muted">Address</dt>
        <dd className="font-mono">{ws.slug}</dd>
        <dt className="text-fg-muted">Your role</dt>
        <dd>{ws.role}</dd>
        {!admin && (
          <>
            <dt className="text-fg-muted">Base currency</dt>
            <dd data-testid="base-currency">{ws.baseCurrency}</dd>
            <dt className="text-fg-muted">Time zone</dt>
            <dd data-testid="time-zone">{ws.timeZone}</dd>
            <dt className="text-fg-muted">Risk-free rate</dt>
            <dd data-testid="risk-free-rate">{fractionToPercent(riskFreeRate)} % a year</dd>
          </>
        )}
      </dl>
      <div className="mt-5 border-t border-line pt-5">
        {admin ? (
          <WorkspaceSettingsForm
            current={{ baseCurrency: ws.baseCurrency, timeZone: ws.timeZone, riskFreeRate }}
            currencies={BASE_CURRENCIES.map((code) => ({ code, label: baseCurrencyLabel(code) }))}
            timeZones={supportedTimeZones()}
            history={history.flatMap((h) => (h.from && h.to ? [{ currency: h.currency, from: h.from.toISOString(), to: h.to.toISOString() }] : []))}
          />
        ) : (
          <p className="text-sm text-fg-muted">
            Admins and owners change the base currency, time zone and risk-free rate. Your role in {ws.name} is {ws.role}.
          </p>
        )}
      </div>
    </Card>
  );
}
