import { LoadingState } from "@/components/ui/states";

// The exposure page's shape: the headline figures, the per-underlying table, the breakdowns.
export default function Loading() {
  return <LoadingState label="Loading the exposure" blocks={["h-28", "h-64", "h-64", "h-48"]} />;
}
