import type { ReactNode } from "react";
import { SectionTabs } from "@/components/ui/section-tabs";
import { SETTINGS_TABS } from "./_tabs/settings-tab-list";

/** Every settings section under one row of tabs. */
export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="space-y-4">
      <SectionTabs label="Settings sections" tabs={SETTINGS_TABS} />
      {children}
    </div>
  );
}
