import { LoadingState } from "@/components/ui/states";

// The symbol picker, then the table.
export default function Loading() {
  return <LoadingState label="Loading the quantity changes" blocks={["h-10", "h-96"]} />;
}
