import { LoadingState } from "@/components/ui/states";

// The alerts tab: the table, then mutes and limits side by side.
export default function Loading() {
  return <LoadingState label="Loading alerts" blocks={["h-96", "h-48"]} />;
}
