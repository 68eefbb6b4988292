import type { ReactNode } from "react";
import { SettingsTabs } from "./_tabs/settings-tabs";

/** Every settings section under one row of tabs. */
export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="space-y-4">
      <SettingsTabs />
      {children}
    </div>
  );
}
