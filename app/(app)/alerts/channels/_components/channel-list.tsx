"use client";

import { Settings2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useRefreshingAction } from "@/components/forms/use-refreshing-action";
import { Badge } from "@/components/ui/badge";
import { Dropdown } from "@/components/ui/dropdown";
import { updateChannel } from "@/lib/actions/channels";
import { ALERT_KIND_LABELS } from "@/lib/read-models/alert-schemas";
import type { ChannelView, EnvironmentChannelView } from "@/lib/read-models/channels";
import { ChannelEditor, type ChannelPanel } from "./channel-editors";
import { DeliveryStatus } from "./delivery-status";
import { SendTestButton } from "./send-test-button";

const menuItem = "block w-full rounded-md px-3 py-2 text-left text-sm hover:bg-surface-2 disabled:opacity-60";
const KIND_LABEL = { webhook: "Webhook (signed)", slack: "Slack", telegram: "Telegram chat" } as const;

/** The workspace's channels and the environment's default webhook, with each one's last delivery. */
export function ChannelList({ channels, environment, canManage }: { channels: ChannelView[]; environment: EnvironmentChannelView | null; canManage: boolean }) {
  if (channels.length === 0 && !environment) {
    return (
      <p className="text-sm text-fg-muted">
        No channel yet: alerts are recorded here but sent nowhere. {canManage ? "Add a webhook or a Slack channel below." : "Admins and owners add channels."}
      </p>
    );
  }
  return (
    <ul className="divide-y divide-line" aria-label="Notification channels">
      {environment && <EnvironmentRow environment={environment} canManage={canManage} />}
      {channels.map((c) => (
        <ChannelRow key={c.id} channel={c} canManage={canManage} />
      ))}
    </ul>
  );
}

function EnvironmentRow({ environment, canManage }: { environment: EnvironmentChannelView; canManage: boolean }) {
  return (
    <li className="space-y-1 py-3 text-sm" data-testid="channel-environment">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">Default webhook</span>
        <Badge>from the environment</Badge>
        <Badge>{environment.format}</Badge>
        {canManage && <span className="ml-auto"><SendTestButton channelId="environment" name="the environment's webhook" /></span>}
      </div>
      <p className="text-fg-muted">
        <code>{environment.target}</code> · every alert kind · set with ALERT_WEBHOOK_URL; change it there (read-only here)
      </p>
      <DeliveryStatus delivery={environment.lastDelivery} />
    </li>
  );
}

function ChannelRow({ channel, canManage }: { channel: ChannelView; canManage: boolean }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const [panel, setPanel] = useState<ChannelPanel | null>(null);
  const { pending, run } = useRefreshingAction();
  const open = (p: ChannelPanel) => () => {
    setMenuOpen(false);
    setPanel(p);
  };
  const toggle = () => {
    setMenuOpen(false);
    run(() => updateChannel({ channelId: channel.id, enabled: !channel.enabled }), (c) => toast.success(`${c.name} ${c.enabled ? "enabled" : "disabled"}`));
  };
  return (
    <li className="space-y-1 py-3 text-sm" data-testid="channel-row">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{channel.name}</span>
        <Badge>{KIND_LABEL[channel.kind]}</Badge>
        {!channel.enabled && <Badge tone="warn">disabled</Badge>}
        {canManage && (
          <span className="ml-auto flex items-center gap-1">
            <SendTestButton channelId={channel.id} name={channel.name} />
            <Dropdown open={menuOpen} onOpenChange={setMenuOpen} triggerLabel={`Manage ${channel.name}`} trigger={<Settings2 aria-hidden className="size-4" />} panelClassName="w-56">
              <button type="button" className={menuItem} disabled={pending} onClick={toggle}>
                {channel.enabled ? "Disable" : "Enable"}
              </button>
              <button type="button" className={menuItem} onClick={open("edit")}>
                Edit name and kinds…
              </button>
              <button type="button" className={menuItem} onClick={open("url")}>
                Replace URL…
              </button>
              {channel.kind === "webhook" && (
                <button type="button" className={menuItem} onClick={open("rotate")}>
                  Rotate signing secret…
                </button>
              )}
              <button type="button" className={`${menuItem} text-rose-700 dark:text-rose-300`} onClick={open("delete")}>
                Delete…
              </button>
            </Dropdown>
          </span>
        )}
      </div>
      <p className="text-fg-muted">
        <code>{channel.target}</code> · {channel.alertKinds.length > 0 ? channel.alertKinds.map((k) => ALERT_KIND_LABELS[k]).join(", ") : "no alert kinds (tests only)"}
      </p>
      <DeliveryStatus delivery={channel.lastDelivery} />
      {panel && <ChannelEditor channel={channel} panel={panel} onClose={() => setPanel(null)} />}
    </li>
  );
}
