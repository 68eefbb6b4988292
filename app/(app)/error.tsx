"use client";

import { ErrorState } from "@/components/ui/states";

// Rendered inside the shell, so the sidebar stays usable when one page fails.
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState title="This page could not load" message={error.message} onRetry={reset} />;
}
