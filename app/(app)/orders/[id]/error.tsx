"use client";

import { ErrorState } from "@/components/ui/states";

// Inside the shell: the sidebar stays usable, and Retry reads the order again.
export default function OrderError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState title="The order could not load" message={error.message} onRetry={reset} />;
}
