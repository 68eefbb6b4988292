import { LoadingState } from "@/components/ui/states";

// The back link, the fund's figures, its NAV chart, its valuations, its accounts.
export default function Loading() {
  return <LoadingState label="Loading the fund" blocks={["h-6", "h-28", "h-72", "h-64", "h-40"]} />;
}
