import { LoadingState } from "@/components/ui/states";

// A run's page: its header, its streams, what it wrote.
export default function Loading() {
  return <LoadingState label="Loading the run" blocks={["h-28", "h-32", "h-40"]} />;
}
