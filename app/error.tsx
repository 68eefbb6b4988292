"use client";

import { ErrorState } from "@/components/ui/states";

// Catches what the shell itself throws (the database did not open, the viewer did not load).
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl p-6">
      <ErrorState title="Venuefolio could not start" message={error.message} onRetry={reset} />
    </main>
  );
}
