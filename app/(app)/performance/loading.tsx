import { LoadingState } from "@/components/ui/states";

// The range selector and the metrics table, the charts, then the trade statistics.
export default function Loading() {
  return <LoadingState label="Loading performance" blocks={["h-10", "h-96", "h-80", "h-64"]} />;
}
