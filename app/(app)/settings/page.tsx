import type { Metadata } from "next";
import { connection } from "next/server";
import { Card } from "@/components/ui/card";
import { requirePageScope } from "@/lib/access/page";

export const metadata: Metadata = { title: "Workspace · Settings" };

/** The active workspace's own settings. */
export default async function WorkspaceSettingsPage() {
  await connection();
  const { viewer } = await requirePageScope("/settings");
  const ws = viewer.workspace;
  return (
    <Card title={ws.name}>
      <dl className="grid gap-3 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-fg-muted">Address</dt>
        <dd className="font-mono">{ws.slug}</dd>
        <dt className="text-fg-muted">Base currency</dt>
        <dd>{ws.baseCurrency}</dd>
        <dt className="text-fg-muted">Time zone</dt>
        <dd>{ws.timeZone}</dd>
        <dt className="text-fg-muted">Your role</dt>
        <dd>{ws.role}</dd>
      </dl>
    </Card>
  );
}
