import type { Db } from "@/db/client";
import { latestDeliveries, listChannels } from "@/db/queries/notification-channels";
import type { AlertKind, StoredChannelKind } from "@/db/schema";
import { envWebhookSummary } from "@/lib/alerts/webhook-config";
import type { WebhookFormat } from "@/lib/alerts/webhook-format";

export interface DeliveryView {
  ok: boolean;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
  at: string;
  /** A "Send test" message rather than an alert. */
  test: boolean;
}

/** A channel as the page shows it: where it points (masked), what it takes, how its last delivery went. */
export interface ChannelView {
  id: string;
  kind: StoredChannelKind;
  name: string;
  target: string;
  alertKinds: AlertKind[];
  enabled: boolean;
  createdAt: string;
  secretRotatedAt: string;
  lastDelivery: DeliveryView | null;
}

export interface EnvironmentChannelView {
  format: WebhookFormat;
  target: string;
  lastDelivery: DeliveryView | null;
}

function deliveryView(d: { ok: boolean; httpStatus: number | null; error: string | null; durationMs: number; at: Date; alertId: string | null } | undefined): DeliveryView | null {
  return d ? { ok: d.ok, httpStatus: d.httpStatus, error: d.error, durationMs: d.durationMs, at: d.at.toISOString(), test: d.alertId === null } : null;
}

/** The workspace's channels and, read-only, the environment's default webhook (null when unset). */
export async function loadChannels(db: Db, p: { ownerId: string }): Promise<{ channels: ChannelView[]; environment: EnvironmentChannelView | null }> {
  const [channels, last] = await Promise.all([listChannels(db, p), latestDeliveries(db, p)]);
  const env = envWebhookSummary();
  return {
    channels: channels.map((c) => ({
      id: c.id,
      kind: c.kind,
      name: c.name,
      target: c.target,
      alertKinds: c.alertKinds,
      enabled: c.enabled,
      createdAt: c.createdAt.toISOString(),
      secretRotatedAt: c.secretRotatedAt.toISOString(),
      lastDelivery: deliveryView(last.get(c.id)),
    })),
    environment: env ? { ...env, lastDelivery: deliveryView(last.get("")) } : null,
  };
}
