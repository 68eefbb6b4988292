"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { hrefWithPortfolio } from "@/components/portfolios/portfolio-pages";
import { usePortfolioKey } from "@/components/portfolios/use-portfolio-key";
import { activeNavItem } from "./active-nav-item";
import { SHELL_NAV } from "./nav-items";

/** The page links, shared by the desktop sidebar and the mobile drawer; links to pages that honour the portfolio selection keep it. */
export function SidebarNav({ onNavigate }: { onNavigate?: () => void }) {
  const active = activeNavItem(usePathname(), SHELL_NAV);
  const portfolio = usePortfolioKey();
  return (
    <nav aria-label="Main">
      <ul className="space-y-1">
        {SHELL_NAV.map((item) => {
          const current = item === active;
          const Icon = item.icon;
          return (
            <li key={item.href}>
              <Link
                href={hrefWithPortfolio(item.href, portfolio)}
                aria-current={current ? "page" : undefined}
                onClick={onNavigate}
                className={`flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium ${
                  current
                    ? "bg-indigo-50 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-200"
                    : "text-fg-muted hover:bg-surface-2 hover:text-fg"
                }`}
              >
                <Icon aria-hidden className="size-4 shrink-0" />
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
