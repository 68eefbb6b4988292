import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireLayoutScope } from "@/lib/access/page";
import { signOut, switchWorkspace } from "@/lib/actions/session";
import { toShellViewer } from "@/lib/read-models/shell-viewer";
import { loadPortfolioOptions } from "@/lib/read-models/portfolio-options";
import { hasRole } from "@/lib/auth/roles";

/** Every signed-in page shares this shell; a signed-out visit goes to sign-in and back. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const { db, ownerId, viewer } = await requireLayoutScope();
  const portfolios = { options: await loadPortfolioOptions(db, { ownerId }), canManage: hasRole(viewer.workspace.role, "member") };
  async function onSwitchWorkspace(workspaceId: string): Promise<void> {
    "use server";
    const result = await switchWorkspace({ workspaceId });
    if (result?.serverError) throw new Error(result.serverError.message);
  }
  async function onSignOut(): Promise<void> {
    "use server";
    await signOut({});
    redirect("/sign-in");
  }
  return (
    <AppShell viewer={toShellViewer(viewer)} onSwitchWorkspace={onSwitchWorkspace} onSignOut={onSignOut} portfolios={portfolios}>
      {children}
    </AppShell>
  );
}
