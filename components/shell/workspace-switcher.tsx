"use client";

import { Check, ChevronsUpDown, Layers } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Dropdown } from "@/components/ui/dropdown";
import type { ShellViewer } from "@/lib/read-models/shell-viewer";

/**
 * Shows the active workspace and, when there is somewhere to go and a way to get there,
 * lets the viewer switch. `onSwitch` is a server action (the auth work supplies it) that
 * records the choice and revalidates; the route is refreshed after it returns.
 */
export function WorkspaceSwitcher({
  workspaces,
  activeWorkspaceId,
  onSwitch,
}: Pick<ShellViewer, "workspaces" | "activeWorkspaceId"> & { onSwitch?: (workspaceId: string) => Promise<void> }) {
  const active = workspaces.find((w) => w.id === activeWorkspaceId) ?? workspaces[0];
  if (!active) return null;
  // One workspace, or no action to switch with: a name, not a button that does nothing.
  if (workspaces.length < 2 || !onSwitch) {
    return (
      <span className="flex min-w-0 items-center gap-2 px-2 text-sm font-medium text-fg" data-testid="workspace-name">
        <Layers aria-hidden className="size-4 shrink-0 text-fg-subtle" />
        <span className="sr-only">Workspace: </span>
        <span className="truncate">{active.name}</span>
      </span>
    );
  }
  return <WorkspaceMenu workspaces={workspaces} active={active} onSwitch={onSwitch} />;
}

function WorkspaceMenu({
  workspaces,
  active,
  onSwitch,
}: {
  workspaces: ShellViewer["workspaces"];
  active: ShellViewer["workspaces"][number];
  onSwitch: (workspaceId: string) => Promise<void>;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();

  const choose = (id: string) => {
    if (id === active.id) return setOpen(false);
    startTransition(async () => {
      try {
        await onSwitch(id);
        setOpen(false);
        router.refresh();
      } catch (e) {
        toast.error(`Could not switch workspace: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
  };

  return (
    <Dropdown
      open={open}
      onOpenChange={setOpen}
      triggerLabel={`Workspace: ${active.name}. Switch workspace`}
      trigger={
        <>
          <Layers aria-hidden className="size-4 shrink-0 text-fg-subtle" />
          <span className="truncate">{active.name}</span>
          <ChevronsUpDown aria-hidden className="size-4 shrink-0 text-fg-subtle" />
        </>
      }
    >
      <>
        <p className="px-3 pt-2 pb-1 text-xs font-semibold uppercase tracking-wide text-fg-subtle">Workspaces</p>
        <ul aria-busy={pending}>
          {workspaces.map((w) => (
            <li key={w.id}>
              <button
                type="button"
                disabled={pending}
                aria-current={w.id === active.id ? "true" : undefined}
                onClick={() => choose(w.id)}
                className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left hover:bg-surface-2 disabled:cursor-wait disabled:opacity-60"
              >
                <span className="min-w-0 flex-1 truncate">{w.name}</span>
                <span className="text-xs text-fg-subtle">{w.role}</span>
                <Check aria-hidden className={`size-4 shrink-0 ${w.id === active.id ? "text-indigo-600 dark:text-indigo-400" : "invisible"}`} />
              </button>
            </li>
          ))}
        </ul>
      </>
    </Dropdown>
  );
}
