"use client";

import { ErrorState } from "@/components/ui/states";

// Inside the shell: the sidebar stays usable, and Retry reads the funds again.
export default function FundsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState title="The funds could not load" message={error.message} onRetry={reset} />;
}
