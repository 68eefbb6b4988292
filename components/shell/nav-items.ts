import {
  ArrowLeftRight,
  Bell,
  ChartLine,
  ChartPie,
  Landmark,
  LayoutDashboard,
  ListOrdered,
  type LucideIcon,
  Plug,
  Receipt,
  RefreshCw,
  Scale,
  Settings,
  Target,
} from "lucide-react";

/**
 * The sidebar, in its final order. An entry shows only once its page exists: `built` says
 * so, and nav-items.test.ts fails when `built` and app/(app)/**\/page.tsx disagree, so the
 * sidebar never links to a missing page and never hides a finished one.
 */
export interface NavItem {
  href: `/${string}`;
  label: string;
  icon: LucideIcon;
  built: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Overview", icon: LayoutDashboard, built: true },
  { href: "/performance", label: "Performance", icon: ChartLine, built: true },
  { href: "/exposure", label: "Exposure", icon: ChartPie, built: true },
  { href: "/orders", label: "Orders", icon: ListOrdered, built: true },
  { href: "/fills", label: "Fills", icon: Receipt, built: true },
  { href: "/funds", label: "Funds", icon: Landmark, built: true },
  { href: "/strategies", label: "Strategies", icon: Target, built: true },
  { href: "/rebalance", label: "Rebalance", icon: Scale, built: true },
  { href: "/connections", label: "Connections", icon: Plug, built: true },
  { href: "/flows", label: "Flows", icon: ArrowLeftRight, built: true },
  { href: "/syncs", label: "Syncs", icon: RefreshCw, built: true },
  { href: "/alerts", label: "Alerts", icon: Bell, built: true },
  { href: "/settings", label: "Settings", icon: Settings, built: true },
];

/** What the sidebar and the drawer show. */
export const SHELL_NAV: readonly NavItem[] = NAV_ITEMS.filter((item) => item.built);
