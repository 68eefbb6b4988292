import { LoadingState } from "@/components/ui/states";

// The default skeleton of a page in the shell; a page with another shape brings its own loading.tsx.
export default function Loading() {
  return <LoadingState label="Loading the page" blocks={["h-28", "h-80", "h-64"]} />;
}
