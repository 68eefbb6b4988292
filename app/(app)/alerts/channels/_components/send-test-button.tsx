"use client";

import { Send } from "lucide-react";
import { toast } from "sonner";
import { useRefreshingAction } from "@/components/forms/use-refreshing-action";
import { rowButton } from "@/components/ui/buttons";
import { sendChannelTest } from "@/lib/actions/channels";

/** Sends the channel its test message now; the toast and the channel's last delivery say what the receiver answered. */
export function SendTestButton({ channelId, name }: { channelId: string; name: string }) {
  const { pending, run } = useRefreshingAction();
  return (
    <button
      type="button"
      disabled={pending}
      className={rowButton}
      aria-label={`Send a test to ${name}`}
      onClick={() =>
        run(
          () => sendChannelTest({ channelId }),
          (r) => (r.ok ? toast.success(`Test delivered to ${name}: receiver answered ${r.httpStatus} in ${r.durationMs} ms`) : toast.error(`Test to ${name} failed: ${r.error}`)),
        )
      }
    >
      <Send aria-hidden className="size-3.5" />
      {pending ? "Sending…" : "Send test"}
    </button>
  );
}
