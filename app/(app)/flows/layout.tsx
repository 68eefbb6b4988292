import type { ReactNode } from "react";
import { SectionTabs } from "@/components/ui/section-tabs";
import { FLOWS_TABS } from "./_tabs/flows-tab-list";

/** The workspace's flows and the transfers between its connections, under one row of tabs. */
export default function FlowsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="space-y-4">
      <SectionTabs label="Cash-flow sections" tabs={FLOWS_TABS} />
      {children}
    </div>
  );
}
