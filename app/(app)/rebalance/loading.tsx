import { LoadingState } from "@/components/ui/states";

// The rebalance page's shape: current against target, the target form, the suggested trades.
export default function Loading() {
  return <LoadingState label="Loading the rebalance preview" blocks={["h-64", "h-48", "h-64"]} />;
}
