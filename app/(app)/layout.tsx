import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireLayoutScope } from "@/lib/access/page";
import { signOut, switchWorkspace } from "@/lib/actions/session";
import { toShellViewer } from "@/lib/read-models/shell-viewer";

/** Every signed-in page shares this shell; a signed-out visit goes to sign-in and back. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const { viewer } = await requireLayoutScope();
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
    <AppShell viewer={toShellViewer(viewer)} onSwitchWorkspace={onSwitchWorkspace} onSignOut={onSignOut}>
      {children}
    </AppShell>
  );
}
