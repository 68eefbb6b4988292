import { Skeleton } from "@/components/ui/skeleton";

/** Loading rows shaped like the table: the header stays, cells shimmer. */
export function SkeletonRows({ rows, columns }: { rows: number; columns: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        <tr key={r} aria-hidden className="border-b border-line-soft last:border-0" data-testid="skeleton-row">
          {Array.from({ length: columns }, (_, c) => (
            <td key={c} className="py-2.5 pr-4">
              <Skeleton className="h-4 min-w-12 rounded" />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}
