"use client";

import { usePathname } from "next/navigation";
import { activeNavItem } from "./active-nav-item";
import { SHELL_NAV } from "./nav-items";

/**
 * The page's one <h1>, in the top bar: the section the path belongs to. Pages put their
 * own headings at h2 and below.
 */
export function PageTitle() {
  const item = activeNavItem(usePathname(), SHELL_NAV);
  return <h1 className="min-w-0 truncate text-lg font-semibold tracking-tight">{item?.label ?? "Venuefolio"}</h1>;
}
