import { LoadingState } from "@/components/ui/states";

// The history's shape: a filter row, then the table.
export default function Loading() {
  return <LoadingState label="Loading the sync history" blocks={["h-12", "h-96"]} />;
}
