import { LoadingState } from "@/components/ui/states";

// Shaped like the page: the form's card, then the table of keys.
export default function Loading() {
  return <LoadingState label="Loading the API keys" blocks={["h-40", "h-64"]} />;
}
