import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading the dashboard">
      <Skeleton className="h-28" />
      <Skeleton className="h-80" />
      <Skeleton className="h-64" />
    </div>
  );
}
