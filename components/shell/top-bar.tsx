import type { ShellViewer } from "@/lib/read-models/shell-viewer";
import type { PortfolioOptions } from "@/lib/read-models/portfolio-options";
import { PortfolioSelector } from "@/components/portfolios/portfolio-selector";
import { MobileNav } from "./mobile-nav";
import { PageTitle } from "./page-title";
import { UserMenu } from "./user-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";

/** The bar above every page: menu button (below lg), the page's title, workspace and user. */
export function TopBar({
  viewer,
  onSwitchWorkspace,
  onSignOut,
  portfolios,
}: {
  viewer: ShellViewer;
  onSwitchWorkspace?: (workspaceId: string) => Promise<void>;
  onSignOut?: () => Promise<void>;
  portfolios?: { options: PortfolioOptions; canManage: boolean };
}) {
  return (
    <header className="sticky top-0 z-20 border-b border-line bg-surface/90 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-4 sm:gap-3 sm:px-6">
        <MobileNav />
        <PageTitle />
        <div className="ml-auto flex min-w-0 items-center gap-1 sm:gap-2">
          <WorkspaceSwitcher workspaces={viewer.workspaces} activeWorkspaceId={viewer.activeWorkspaceId} onSwitch={onSwitchWorkspace} />
          <UserMenu user={viewer.user} onSignOut={onSignOut} />
        </div>
      </div>
      {portfolios && <PortfolioSelector options={portfolios.options} canManage={portfolios.canManage} />}
    </header>
  );
}
