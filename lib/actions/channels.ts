"use server";

import { deleteChannel as removeChannel, updateChannel as changeChannel } from "@/db/queries/notification-channels";
import { actionClient } from "@/lib/access/action-client";
import { AccessError } from "@/lib/access/errors";
import { addChannel, ChannelInputError, replaceChannelUrl, rotateSigningSecret } from "@/lib/alerts/channels/manage-channels";
import { sendTestNotification } from "@/lib/alerts/send-test";
import { webhookFromEnv } from "@/lib/alerts/webhook-config";
import { channelCreateSchema, channelIdSchema, channelReplaceUrlSchema, channelUpdateSchema, testTargetSchema } from "@/lib/read-models/channel-inputs";

/** A refusal the person can act on is a 409 with its reason; anything else stays a server failure. */
async function refusalsAs409<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof ChannelInputError) throw new AccessError(409, e.message);
    throw e;
  }
}

const publicView = <C extends { createdAt: Date; secretRotatedAt: Date }>(c: C) => ({
  ...c,
  createdAt: c.createdAt.toISOString(),
  secretRotatedAt: c.secretRotatedAt.toISOString(),
});

/**
 * Adds a notification channel (admins and owners). A generic webhook's signing secret is
 * in this answer and nowhere else, ever: the page shows it once, to copy.
 */
export const createChannel = actionClient
  .metadata({ role: "admin" })
  .inputSchema(channelCreateSchema)
  .action(async ({ parsedInput, ctx }) =>
    refusalsAs409(async () => {
      const { channel, signingSecret } = await addChannel(ctx.db, { ownerId: ctx.ownerId, createdBy: ctx.viewer.user.id, ...parsedInput });
      return { channel: publicView(channel), signingSecret };
    }),
  );

/** Renames a channel, changes the kinds it takes, or turns it on or off (admins and owners). */
export const updateChannel = actionClient
  .metadata({ role: "admin" })
  .inputSchema(channelUpdateSchema)
  .action(async ({ parsedInput, ctx }) => publicView(await changeChannel(ctx.db, { ownerId: ctx.ownerId, ...parsedInput })));

/** Points a channel at another URL (a new Slack webhook); the old address is gone (admins and owners). */
export const replaceChannelAddress = actionClient
  .metadata({ role: "admin" })
  .inputSchema(channelReplaceUrlSchema)
  .action(async ({ parsedInput, ctx }) =>
    refusalsAs409(async () => publicView(await replaceChannelUrl(ctx.db, { ownerId: ctx.ownerId, ...parsedInput, at: new Date() }))),
  );

/** A webhook's new signing secret, shown once; the old one stops verifying at once (admins and owners). */
export const rotateChannelSecret = actionClient
  .metadata({ role: "admin" })
  .inputSchema(channelIdSchema)
  .action(async ({ parsedInput, ctx }) =>
    refusalsAs409(async () => {
      const { channel, signingSecret } = await rotateSigningSecret(ctx.db, { ownerId: ctx.ownerId, channelId: parsedInput.channelId, at: new Date() });
      return { channel: publicView(channel), signingSecret };
    }),
  );

/** Removes a channel and its delivery record (admins and owners). */
export const deleteChannel = actionClient
  .metadata({ role: "admin" })
  .inputSchema(channelIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    await removeChannel(ctx.db, { ownerId: ctx.ownerId, channelId: parsedInput.channelId });
    return { channelId: parsedInput.channelId };
  });

/** Sends a channel (or the environment's webhook) its test message now, and says what the receiver answered (admins and owners). */
export const sendChannelTest = actionClient
  .metadata({ role: "admin" })
  .inputSchema(testTargetSchema)
  .action(async ({ parsedInput, ctx }) => {
    const target = parsedInput.channelId === "environment" ? { environment: true as const } : { channelId: parsedInput.channelId };
    return sendTestNotification(ctx.db, { ownerId: ctx.ownerId, workspaceName: ctx.viewer.workspace.name, target, envWebhook: webhookFromEnv() });
  });
