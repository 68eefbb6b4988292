import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/states";

/**
 * Which portfolio a page shows, and what it could not split by it (said, never hidden). For
 * the whole workspace with nothing to say, nothing is shown: the selector already says it.
 */
export function PortfolioNote({ label, whole, notes }: { label: string; whole: boolean; notes: (string | null | undefined)[] }) {
  const said = notes.filter((n): n is string => Boolean(n));
  if (whole && said.length === 0) return null;
  return (
    <div className="rounded-lg border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950 dark:text-indigo-100" data-testid="portfolio-note">
      <p>
        Showing <strong data-testid="portfolio-label">{label}</strong>
      </p>
      {said.map((n) => (
        <p key={n} className="mt-1 text-xs">
          {n}.
        </p>
      ))}
    </div>
  );
}

/** A selection the page cannot show: why, and the way back to the whole workspace. */
export function PortfolioRefused({ page, title, message }: { page: string; title: string; message: string }) {
  return (
    <Card title="Portfolio">
      <ErrorState title={title} message={message} />
      <Link href={page} className="mt-3 inline-block text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        Show all of the workspace
      </Link>
    </Card>
  );
}
