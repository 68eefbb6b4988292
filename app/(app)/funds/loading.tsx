import { LoadingState } from "@/components/ui/states";

// The department filter, then the funds table.
export default function Loading() {
  return <LoadingState label="Loading the funds" blocks={["h-8", "h-72"]} />;
}
