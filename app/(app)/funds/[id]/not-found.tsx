import { EmptyState } from "@/components/ui/states";

/** Another workspace's fund looks exactly like one that never existed. */
export default function FundNotFound() {
  return (
    <EmptyState title="No such fund in this workspace" action={{ href: "/funds", label: "Back to the funds" }}>
      Its connection may have been deleted, or it belongs to another workspace.
    </EmptyState>
  );
}
