import { LoadingState } from "@/components/ui/states";

// The order's state, its timeline, its fills.
export default function Loading() {
  return <LoadingState label="Loading the order" blocks={["h-6", "h-40", "h-96", "h-40"]} />;
}
