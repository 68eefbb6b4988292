"use client";

import { ErrorState } from "@/components/ui/states";

// Inside the shell: the sidebar stays usable, and Retry reads the fund again.
export default function FundError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState title="The fund could not load" message={error.message} onRetry={reset} />;
}
