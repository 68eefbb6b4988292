"use client";

import { LogOut } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Dropdown } from "@/components/ui/dropdown";
import type { ShellViewer } from "@/lib/read-models/shell-viewer";

/**
 * Who is signed in, and the way out. Nothing at all without a user (a local install has
 * no sign-in); the name and email without `onSignOut`; a menu with Sign out with it.
 * `onSignOut` is a server action (the auth work supplies it); the route is refreshed after.
 */
export function UserMenu({ user, onSignOut }: { user: ShellViewer["user"]; onSignOut?: () => Promise<void> }) {
  if (!user) return null;
  if (!onSignOut) {
    return (
      <div className="flex min-w-0 items-center gap-2 px-2" data-testid="user-identity">
        <Initials name={user.name} />
        <Identity user={user} className="sr-only sm:not-sr-only" />
      </div>
    );
  }
  return <SignOutMenu user={user} onSignOut={onSignOut} />;
}

function SignOutMenu({ user, onSignOut }: { user: NonNullable<ShellViewer["user"]>; onSignOut: () => Promise<void> }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const signOut = () =>
    startTransition(async () => {
      try {
        await onSignOut();
        router.refresh();
      } catch (e) {
        toast.error(`Could not sign out: ${e instanceof Error ? e.message : String(e)}`);
      }
    });

  return (
    <Dropdown open={open} onOpenChange={setOpen} triggerLabel={`Account: ${user.name}`} trigger={<Initials name={user.name} />}>
      <>
        <Identity user={user} className="px-3 py-2" />
        <div className="my-1 border-t border-line" />
        <button
          type="button"
          onClick={signOut}
          disabled={pending}
          className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left hover:bg-surface-2 disabled:cursor-wait disabled:opacity-60"
        >
          <LogOut aria-hidden className="size-4 text-fg-subtle" />
          {pending ? "Signing out…" : "Sign out"}
        </button>
      </>
    </Dropdown>
  );
}

function Identity({ user, className = "" }: { user: NonNullable<ShellViewer["user"]>; className?: string }) {
  return (
    <div className={`min-w-0 text-sm ${className}`}>
      <p className="truncate font-medium text-fg">{user.name}</p>
      <p className="truncate text-xs text-fg-subtle">{user.email}</p>
    </div>
  );
}

function Initials({ name }: { name: string }) {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
  return (
    <span
      aria-hidden
      className="flex size-8 shrink-0 items-center justify-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200"
    >
      {letters || "?"}
    </span>
  );
}
