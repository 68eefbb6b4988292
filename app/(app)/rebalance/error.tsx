"use client";

import { ErrorState } from "@/components/ui/states";

// Inside the shell: the sidebar stays usable, and Retry reads the preview again.
export default function RebalanceError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState title="The rebalance preview could not load" message={error.message} onRetry={reset} />;
}
