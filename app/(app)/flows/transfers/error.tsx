"use client";

import { ErrorState } from "@/components/ui/states";

// Inside the flows tabs, so the other tab stays a click away when this one fails.
export default function TransfersError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState title="Transfers between connections could not load" message={error.message} onRetry={reset} />;
}
