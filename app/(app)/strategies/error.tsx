"use client";

import { ErrorState } from "@/components/ui/states";

// Inside the shell: the sidebar stays usable, and Retry reads the strategies again.
export default function StrategiesError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState title="The strategies could not load" message={error.message} onRetry={reset} />;
}
