import type { Metadata } from "next";
import { connection } from "next/server";
import { Card } from "@/components/ui/card";
import { requirePageScope } from "@/lib/access/page";
import { hasRole } from "@/lib/auth/roles";
import { loadChannels } from "@/lib/read-models/channels";
import { ChannelForm } from "./_components/channel-form";
import { ChannelList } from "./_components/channel-list";
import { SignatureHelp } from "./_components/signature-help";

export const metadata: Metadata = { title: "Channels · Alerts" };

/**
 * Where new alerts are sent: the workspace's webhooks and Slack channels, and the
 * environment's default webhook (read-only). Admins and owners manage them; everyone sees
 * where alerts go and how the last delivery went.
 */
export default async function ChannelsPage() {
  await connection();
  const { db, ownerId, viewer } = await requirePageScope("/alerts/channels");
  const canManage = hasRole(viewer.workspace.role, "admin");
  const { channels, environment } = await loadChannels(db, { ownerId });
  return (
    <div className="space-y-4">
      <Card title="Notification channels">
        <ChannelList channels={channels} environment={environment} canManage={canManage} />
      </Card>
      {canManage ? (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <Card title="Add a channel">
            <ChannelForm />
          </Card>
          <Card title="Verifying a webhook">
            <SignatureHelp />
          </Card>
        </div>
      ) : (
        <p className="text-sm text-fg-muted">Admins and owners add and change channels. Your role here is {viewer.workspace.role}.</p>
      )}
    </div>
  );
}
