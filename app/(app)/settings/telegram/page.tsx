import type { Metadata } from "next";
import { connection } from "next/server";
import { Card } from "@/components/ui/card";
import { requirePageScope } from "@/lib/access/page";
import { hasRole } from "@/lib/auth/roles";
import { loadTelegramSettings } from "@/lib/read-models/telegram-settings";
import { BotSetup } from "./_components/bot-setup";
import { ConnectTelegram } from "./_components/connect-telegram";
import { LinkedChats } from "./_components/linked-chats";

export const metadata: Metadata = { title: "Telegram · Settings" };

/**
 * Settings → Telegram: anyone links their own chat with a one-time code (the chat then acts
 * with their role); the linked chats, each unlinkable by the person who linked it or an
 * admin; and for admins the workspace's own bot token (masked) and the webhook setup.
 */
export default async function TelegramSettingsPage() {
  await connection();
  const { db, ownerId, viewer } = await requirePageScope("/settings/telegram");
  const admin = hasRole(viewer.workspace.role, "admin");
  const view = await loadTelegramSettings(db, { ownerId, userId: viewer.user.id, now: new Date() });
  const botReady = view.envToken || view.ownTokenHint !== null;
  return (
    <div className="space-y-4">
      <Card title="Connect Telegram">
        {botReady ? (
          <ConnectTelegram openCodeExpiresAt={view.openCodeExpiresAt} role={viewer.workspace.role} />
        ) : (
          <p className="text-sm text-fg-muted">
            No bot is set up yet: an admin saves a bot token below, or the install sets TELEGRAM_BOT_TOKEN.
          </p>
        )}
      </Card>
      <Card title={`Linked chats of ${viewer.workspace.name}`}>
        <LinkedChats links={view.links} admin={admin} />
      </Card>
      {admin && (
        <Card title="Bot">
          <BotSetup ownTokenHint={view.ownTokenHint} envToken={view.envToken} webhookSecretSet={view.webhookSecretSet} mode={view.mode} />
        </Card>
      )}
    </div>
  );
}
