"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { refusal, type ActionAnswer } from "./action-result";

/**
 * Runs a server action from a button: pending while it runs, a toast with the refusal if
 * there is one, otherwise `onDone`, then the page's server data and the given queries are
 * read again (a mute or a channel changes what several parts of the page show).
 */
export function useRefreshingAction(invalidate?: QueryKey) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const run = <T,>(call: () => Promise<ActionAnswer<T> | undefined>, onDone: (data: T) => void) =>
    startTransition(async () => {
      const answer = await call();
      if (answer?.data === undefined) {
        toast.error(refusal(answer, "The action was refused"));
        return;
      }
      onDone(answer.data);
      if (invalidate) await queryClient.invalidateQueries({ queryKey: invalidate });
      router.refresh();
    });
  return { pending, run };
}
