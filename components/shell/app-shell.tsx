import type { ReactNode } from "react";
import type { ShellViewer } from "@/lib/read-models/shell-viewer";
import type { PortfolioOptions } from "@/lib/read-models/portfolio-options";
import { Brand } from "./brand";
import { SidebarNav } from "./sidebar-nav";
import { TopBar } from "./top-bar";

/**
 * The frame every page lives in: sidebar (a drawer below lg), top bar with the page title,
 * workspace switcher and user menu, and the main region. The actions are optional server
 * actions; without them the switcher and the menu show information only.
 */
export function AppShell({
  viewer,
  onSwitchWorkspace,
  onSignOut,
  portfolios,
  children,
}: {
  viewer: ShellViewer;
  onSwitchWorkspace?: (workspaceId: string) => Promise<void>;
  onSignOut?: () => Promise<void>;
  /** The portfolio selector's choices, and whether the viewer may manage groups (member and above). */
  portfolios?: { options: PortfolioOptions; canManage: boolean };
  children: ReactNode;
}) {
  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[15rem_minmax(0,1fr)]">
      <a
        href="#main"
        className="sr-only rounded-md bg-surface px-3 py-2 text-sm font-medium focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
      >
        Skip to content
      </a>
      {/* The aside fills the column's height (its border and background); the inner part stays in view. */}
      <aside className="hidden border-r border-line bg-surface lg:block">
        <div className="sticky top-0 flex h-dvh flex-col gap-6 overflow-y-auto px-3 py-4">
          <div className="px-3">
            <Brand />
          </div>
          <SidebarNav />
        </div>
      </aside>
      <div className="flex min-w-0 flex-col">
        <TopBar viewer={viewer} onSwitchWorkspace={onSwitchWorkspace} onSignOut={onSignOut} portfolios={portfolios} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl min-w-0 flex-1 px-4 py-6 focus:outline-none sm:px-6">
          {children}
        </main>
      </div>
    </div>
  );
}
