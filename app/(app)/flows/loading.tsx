import { LoadingState } from "@/components/ui/states";

// The flows tab: the section tabs, the net deposits header, then the table.
export default function Loading() {
  return <LoadingState label="Loading the flows" blocks={["h-10", "h-28", "h-96"]} />;
}
