import { LoadingState } from "@/components/ui/states";

export default function Loading() {
  return <LoadingState label="Loading the connection" blocks={["h-40", "h-48", "h-64", "h-64"]} />;
}
