"use client";

import { ErrorState } from "@/components/ui/states";

// Inside the shell: the sidebar stays usable, and Retry reads the changes again.
export default function QuantityChangesError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState title="The quantity changes could not load" message={error.message} onRetry={reset} />;
}
