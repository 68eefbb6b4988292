import { LoadingState } from "@/components/ui/states";

export default function Loading() {
  return <LoadingState label="Loading the connections" blocks={["h-10", "h-96"]} />;
}
