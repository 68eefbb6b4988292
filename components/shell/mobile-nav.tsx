"use client";

import { Menu, X } from "lucide-react";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Brand } from "./brand";
import { SidebarNav } from "./sidebar-nav";

/**
 * Below lg the sidebar becomes a drawer behind a menu button. A modal <dialog> gives focus
 * containment and Escape for free; the drawer also closes on a link press, a backdrop press
 * and any navigation.
 */
export function MobileNav() {
  const pathname = usePathname();
  // Open "on" a path: navigating anywhere else closes it without an effect resetting state.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const close = () => setOpenOn(null);

  return (
    <>
      <button
        type="button"
        aria-label="Open menu"
        aria-expanded={open}
        aria-controls="mobile-nav"
        onClick={() => setOpenOn(pathname)}
        className="-ml-1 rounded-md p-2 text-fg-muted hover:bg-surface-2 lg:hidden"
      >
        <Menu aria-hidden className="size-5" />
      </button>
      <dialog
        id="mobile-nav"
        ref={dialog}
        aria-label="Menu"
        onClose={close}
        // The dialog box is filled by its content, so a press on the dialog itself is the backdrop.
        onClick={(e) => e.target === e.currentTarget && close()}
        className="fixed inset-y-0 right-auto left-0 m-0 h-dvh max-h-none w-72 max-w-[85vw] border-0 border-r border-line bg-surface p-0 text-fg shadow-xl backdrop:bg-slate-950/50 lg:hidden"
      >
        <div className="flex h-full flex-col gap-6 p-4">
          <div className="flex items-start justify-between gap-2">
            <Brand />
            <button type="button" aria-label="Close menu" onClick={close} className="rounded-md p-2 text-fg-muted hover:bg-surface-2">
              <X aria-hidden className="size-5" />
            </button>
          </div>
          <SidebarNav onNavigate={close} />
        </div>
      </dialog>
    </>
  );
}
