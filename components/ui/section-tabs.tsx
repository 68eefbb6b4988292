"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/**
 * A section's sub-pages as tabs (a nav of links, the current one marked); they scroll
 * sideways on a phone instead of wrapping (`relative`: what they hold is clipped here, never
 * placed against the page).
 */
export function SectionTabs({ label, tabs }: { label: string; tabs: ReadonlyArray<{ href: string; label: string }> }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="relative -mx-1 overflow-x-auto">
      <ul className="flex min-w-max gap-1 border-b border-line px-1">
        {tabs.map((tab) => {
          const active = pathname === tab.href;
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={`-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium ${active ? "border-indigo-500 text-fg" : "border-transparent text-fg-muted hover:text-fg"}`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
