import type { Db } from "@/db/client";
import { getChannelForDelivery } from "@/db/queries/notification-channels";
import { NotFoundError } from "@/db/queries/not-found";
import { sendToChannel, sendToEnvWebhook } from "./channels/channel-message";
import type { PostResult } from "./channels/post";
import { recordAttempt } from "./notify-new-alert";
import type { WebhookConfig } from "./webhook-config";

/** Which channel "Send test" is for: one of the workspace's, or the environment's webhook. */
export type TestTarget = { channelId: string } | { environment: true };

/**
 * Sends a channel its test message, now, whatever its alert kinds and whether it is
 * enabled (a person checking a channel wants to know it works before turning it on), and
 * records the attempt as the channel's last delivery. The environment's webhook is "not
 * found" when none is configured.
 */
export async function sendTestNotification(
  db: Db,
  p: { ownerId: string; workspaceName: string; target: TestTarget; envWebhook: WebhookConfig | undefined; now?: () => Date },
): Promise<PostResult> {
  const now = (p.now ?? (() => new Date()))();
  const base = { workspaceId: p.ownerId, workspaceName: p.workspaceName, at: now };
  let channelId: string | null;
  let result: PostResult;
  if ("environment" in p.target) {
    if (!p.envWebhook) throw new NotFoundError("channel");
    channelId = null;
    result = await sendToEnvWebhook(p.envWebhook, { event: "test", ...base, channelName: "from the environment" });
  } else {
    const channel = await getChannelForDelivery(db, { ownerId: p.ownerId, channelId: p.target.channelId });
    channelId = channel.id;
    result = await sendToChannel(channel, { event: "test", ...base, channelName: channel.name }, { now });
  }
  await recordAttempt(db, { ownerId: p.ownerId, channelId, alertId: null, at: now }, result);
  return result;
}
