import { LoadingState } from "@/components/ui/states";

// The range selector and the metrics table, then the trade statistics.
export default function Loading() {
  return <LoadingState label="Loading performance" blocks={["h-10", "h-96", "h-64"]} />;
}
