"use client";

import { ErrorState } from "@/components/ui/states";

// Inside the shell: the sidebar stays usable, and Retry reads the performance again.
export default function PerformanceError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState title="Performance could not load" message={error.message} onRetry={reset} />;
}
