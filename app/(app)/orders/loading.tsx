import { LoadingState } from "@/components/ui/states";

// The filters, then the table.
export default function Loading() {
  return <LoadingState label="Loading the orders" blocks={["h-10", "h-96"]} />;
}
