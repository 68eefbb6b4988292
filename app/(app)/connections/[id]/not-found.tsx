import { EmptyState } from "@/components/ui/states";

/** Another workspace's connection looks exactly like one that never existed. */
export default function ConnectionNotFound() {
  return (
    <EmptyState title="No such connection in this workspace" action={{ href: "/connections", label: "Back to the connections" }}>
      It may have been deleted, or it belongs to another workspace.
    </EmptyState>
  );
}
