import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { z } from "zod";
import { NotFoundError } from "@/db/queries/not-found";
import { requirePageScope } from "@/lib/access/page";
import { hasRole } from "@/lib/auth/roles";
import { loadConnectionDetail, type ConnectionDetail } from "@/lib/read-models/connection-detail";
import { AccountHoldings } from "./_components/account-holdings";
import { AccountsCard } from "./_components/accounts-card";
import { ConnectionHeader } from "./_components/connection-header";
import { GrowwTokenCard } from "./_components/groww-token-card";
import { HistoryCard } from "./_components/history-card";
import { HistoryStatus } from "./_components/history-status";
import { NotReadCard } from "./_components/not-read-card";
import { RecentRuns } from "./_components/recent-runs";
import { ScheduleCard } from "./_components/schedule-card";
import { SettingsCard } from "./_components/settings-card";
import { SnapshotsCard } from "./_components/snapshots-card";

export const metadata: Metadata = { title: "Connection" };

/**
 * One connection: its state, what the last run could not read from the venue, schedule and settings, the accounts it found with their
 * holdings and positions, its last snapshots and runs, and what the viewer's role lets them
 * do (Resync and Verify now of an account's audit chain for members; pause, resume, schedule, rotate, refresh token and delete for
 * admins). Another workspace's connection, a deleted one or a made-up id is a 404.
 */
export default async function ConnectionPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const { db, ownerId, viewer } = await requirePageScope(`/connections/${encodeURIComponent(id)}`);
  if (!z.uuid().safeParse(id).success) notFound();
  let detail: ConnectionDetail;
  try {
    detail = await loadConnectionDetail(db, { ownerId, connectionId: id, now: new Date() });
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  const role = viewer.workspace.role;
  const can = { resync: hasRole(role, "member"), admin: hasRole(role, "admin") };
  return (
    <div className="space-y-4">
      <Link href="/connections" className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        ← Connections
      </Link>
      <ConnectionHeader detail={detail} can={can} />
      {detail.notRead && <NotReadCard notRead={detail.notRead} />}
      <div className="grid gap-4 lg:grid-cols-2">
        <ScheduleCard detail={detail} canEdit={can.admin} />
        <SettingsCard settings={detail.settings} />
      </div>
      {detail.groww && <GrowwTokenCard detail={detail} canRefresh={can.admin} />}
      <AccountsCard accounts={detail.accounts} canVerify={can.resync} />
      {detail.accounts.map((a) => (
        <AccountHoldings key={a.id} account={a} />
      ))}
      <SnapshotsCard snapshots={detail.snapshots} />
      {detail.history && (
        <HistoryCard connectionId={detail.id} canRun={can.resync}>
          <HistoryStatus history={detail.history} />
        </HistoryCard>
      )}
      <RecentRuns connectionId={detail.id} runs={detail.recentRuns} />
    </div>
  );
}
