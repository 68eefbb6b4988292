"use client";

import { ErrorState } from "@/components/ui/states";

// Inside the shell: the sidebar stays usable, and Retry reads the exposure again.
export default function ExposureError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState title="The exposure could not load" message={error.message} onRetry={reset} />;
}
