"use client";

import { ErrorState } from "@/components/ui/states";

// Inside the shell: the sidebar stays usable, and Retry reads the orders again.
export default function OrdersError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState title="The orders could not load" message={error.message} onRetry={reset} />;
}
