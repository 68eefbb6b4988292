"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { cashFlowKeys } from "@/lib/read-models/query-options";

/** After a flow changed: the table reads its page again, the page its net deposits. */
export function useFlowsRefresh(): () => void {
  const router = useRouter();
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: cashFlowKeys.all });
    router.refresh();
  };
}
