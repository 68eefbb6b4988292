import { connection } from "next/server";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { loadShellViewer } from "@/lib/read-models/shell-viewer";
import { getRuntime } from "@/lib/runtime/app-db";

/**
 * Every signed-in page shares this shell. It reads the viewer per request; sign-in will
 * pass its server actions (workspace switch, sign out) to AppShell here.
 */
export default async function AppLayout({ children }: { children: ReactNode }) {
  await connection();
  const { handle, ownerId } = await getRuntime();
  const viewer = await loadShellViewer(handle.db, { ownerId });
  return <AppShell viewer={viewer}>{children}</AppShell>;
}
