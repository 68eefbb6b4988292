import { z } from "zod";
import type { ChannelSecrets } from "@/db/schema";
import { decryptCredentials, encryptCredentials } from "@/lib/security/credentials";

/**
 * A channel's secrets at rest: its URL (a Slack URL is a bearer secret; a webhook path may
 * carry one) and the webhook's signing secret, sealed together with the credentials key
 * (AES-256-GCM, lib/security/credentials). Opened only to deliver.
 */
const channelSecretsSchema = z.object({ url: z.string().min(1), signingSecret: z.string().min(1).optional(), chatId: z.string().min(1).optional() });

export function sealChannelSecrets(secrets: ChannelSecrets): string {
  return encryptCredentials(secrets);
}

export function openChannelSecrets(sealed: string): ChannelSecrets {
  const parsed = channelSecretsSchema.safeParse(decryptCredentials(sealed));
  if (!parsed.success) throw new Error("the channel's stored secrets are not in the expected shape");
  return parsed.data;
}
