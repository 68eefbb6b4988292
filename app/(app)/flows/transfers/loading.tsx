import { LoadingState } from "@/components/ui/states";

// The transfers tab: what a match means, then the filter row and the table.
export default function Loading() {
  return <LoadingState label="Loading transfers between connections" blocks={["h-24", "h-12", "h-96"]} />;
}
