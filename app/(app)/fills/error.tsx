"use client";

import { ErrorState } from "@/components/ui/states";

// Inside the shell: the sidebar stays usable, and Retry reads the fills again.
export default function FillsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState title="The fills could not load" message={error.message} onRetry={reset} />;
}
