import type { Db } from "@/db/client";
import { createChannel, getChannelForDelivery, updateChannel, type PublicChannel } from "@/db/queries/notification-channels";
import type { AlertKind, ChannelKind } from "@/db/schema";
import { openChannelSecrets, sealChannelSecrets } from "./channel-secrets";
import { maskUrl, outboundUrlProblem } from "./outbound-url";
import { generateSigningSecret } from "./signature";

/** A refusal a person can act on (the field and why), as opposed to a bug. */
export class ChannelInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ChannelInputError";
  }
}

function checkedUrl(url: string, label: string): string {
  const problem = outboundUrlProblem(url);
  if (problem) throw new ChannelInputError(`${label}: ${problem}`);
  return url;
}

const urlLabel = (kind: ChannelKind) => (kind === "slack" ? "Slack webhook URL" : "Webhook URL");

/**
 * Adds a channel. A generic webhook gets a new signing secret, returned here once (the
 * only time anyone sees it); a Slack channel's secret is its URL, which is never returned.
 */
export async function addChannel(
  db: Db,
  p: { ownerId: string; createdBy: string | null; kind: ChannelKind; name: string; url: string; alertKinds: AlertKind[] },
): Promise<{ channel: PublicChannel; signingSecret: string | null }> {
  const url = checkedUrl(p.url, urlLabel(p.kind));
  const signingSecret = p.kind === "webhook" ? generateSigningSecret() : null;
  const channel = await createChannel(db, {
    ownerId: p.ownerId,
    kind: p.kind,
    name: p.name,
    alertKinds: p.alertKinds,
    createdBy: p.createdBy,
    target: maskUrl(url),
    secretsSealed: sealChannelSecrets(signingSecret ? { url, signingSecret } : { url }),
  });
  return { channel, signingSecret };
}

/** A webhook's new signing secret, returned once; the old one stops verifying at once. */
export async function rotateSigningSecret(db: Db, p: { ownerId: string; channelId: string; at: Date }): Promise<{ channel: PublicChannel; signingSecret: string }> {
  const current = await getChannelForDelivery(db, p);
  if (current.kind !== "webhook") throw new ChannelInputError("A Slack channel has no signing secret: replace its URL instead");
  const { url } = openChannelSecrets(current.secretsSealed);
  const signingSecret = generateSigningSecret();
  const channel = await updateChannel(db, { ...p, secrets: { sealed: sealChannelSecrets({ url, signingSecret }), target: current.target, at: p.at } });
  return { channel, signingSecret };
}

/** Points a channel somewhere else; a webhook keeps its signing secret. */
export async function replaceChannelUrl(db: Db, p: { ownerId: string; channelId: string; url: string; at: Date }): Promise<PublicChannel> {
  const current = await getChannelForDelivery(db, p);
  // A Telegram chat's address is the bot's: it changes with /alerts in the chat, not here.
  if (current.kind === "telegram") throw new ChannelInputError("A Telegram channel's address is its chat: send /alerts off and /alerts on in the chat instead");
  const url = checkedUrl(p.url, urlLabel(current.kind));
  const { signingSecret } = openChannelSecrets(current.secretsSealed);
  const sealed = sealChannelSecrets(signingSecret ? { url, signingSecret } : { url });
  return updateChannel(db, { ownerId: p.ownerId, channelId: p.channelId, secrets: { sealed, target: maskUrl(url), at: p.at } });
}

/**
 * A linked Telegram chat's channel (the bot's `/alerts on`): every alert kind, posted to the
 * bot's sendMessage. The URL is built from the bot's configuration, not typed by anyone, so
 * it skips the outbound-URL check (a local Bot API server is legitimate); it carries the
 * token, so it is sealed and the target shown is only the chat's name.
 */
export async function addTelegramChannel(
  db: Db,
  p: { ownerId: string; createdBy: string | null; chatTitle: string; sendMessageUrl: string; chatId: string; alertKinds: AlertKind[] },
): Promise<PublicChannel> {
  return createChannel(db, {
    ownerId: p.ownerId,
    kind: "telegram",
    name: `Telegram: ${p.chatTitle}`,
    alertKinds: p.alertKinds,
    createdBy: p.createdBy,
    target: `Telegram chat ${p.chatTitle}`,
    secretsSealed: sealChannelSecrets({ url: p.sendMessageUrl, chatId: p.chatId }),
  });
}
