import type { ReactNode } from "react";
import { Brand } from "@/components/shell/brand";

/** Sign-in and sign-up: the app's name and one narrow column, with room at the edges on a phone. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-dvh px-4 py-8 sm:py-12">
      <div className="mx-auto max-w-sm">
        <Brand />
      </div>
      <main>{children}</main>
    </div>
  );
}
