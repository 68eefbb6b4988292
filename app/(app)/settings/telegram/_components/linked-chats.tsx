"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { rowButton } from "@/components/ui/buttons";
import { EmptyState } from "@/components/ui/states";
import { unlinkTelegramChat } from "@/lib/actions/telegram";
import type { TelegramSettingsView } from "@/lib/read-models/telegram-settings";

/** The workspace's linked chats; each can be unlinked by whoever linked it, or an admin. */
export function LinkedChats({ links, admin }: { links: TelegramSettingsView["links"]; admin: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [busy, setBusy] = useState<string | null>(null);
  if (links.length === 0) return <EmptyState title="No chat is linked">Use Connect Telegram above, then send the code to the bot.</EmptyState>;

  const unlink = (id: string, title: string) =>
    start(async () => {
      setBusy(id);
      const answer = await unlinkTelegramChat({ linkId: id }).catch(() => null);
      setBusy(null);
      if (!answer?.data) return void toast.error(answer?.serverError?.message ?? "The server could not be reached; nothing changed.");
      toast.success(`${title} unlinked`);
      router.refresh();
    });

  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Linked Telegram chats</caption>
        <thead className="text-left text-xs text-fg-muted">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">Chat</th>
            <th scope="col" className="py-2 pr-3 font-medium">Linked by</th>
            <th scope="col" className="py-2 pr-3 font-medium">Alerts</th>
            <th scope="col" className="py-2 pr-3 font-medium">Since</th>
            <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {links.map((l) => (
            <tr key={l.id} data-testid="telegram-link-row">
              <td className="py-2 pr-3 break-all">{l.chatTitle}</td>
              <td className="py-2 pr-3">{l.mine ? "you" : l.linkedBy}</td>
              <td className="py-2 pr-3">{l.alertsOn ? <Badge tone="good">on</Badge> : <Badge>off</Badge>}</td>
              <td className="py-2 pr-3 tabular-nums">{l.createdAt.slice(0, 10)}</td>
              <td className="py-2 text-right">
                {(l.mine || admin) && (
                  <button type="button" className={rowButton} disabled={pending && busy === l.id} onClick={() => unlink(l.id, l.chatTitle)}>
                    Unlink
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
