import { LoadingState } from "@/components/ui/states";

// The filters, the totals, then the table.
export default function Loading() {
  return <LoadingState label="Loading the fills" blocks={["h-10", "h-20", "h-96"]} />;
}
