import { LoadingState } from "@/components/ui/states";

// The strategies table, the positions, the PnL chart, then the reconciliation table.
export default function Loading() {
  return <LoadingState label="Loading the strategies" blocks={["h-40", "h-48", "h-64", "h-72"]} />;
}
