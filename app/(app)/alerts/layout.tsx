import type { ReactNode } from "react";
import { SectionTabs } from "@/components/ui/section-tabs";

const ALERT_TABS = [
  { href: "/alerts", label: "Alerts" },
  { href: "/alerts/channels", label: "Channels" },
] as const;

/** Alerts and where they are sent, as two tabs. */
export default function AlertsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="space-y-4">
      <SectionTabs label="Alert sections" tabs={ALERT_TABS} />
      {children}
    </div>
  );
}
