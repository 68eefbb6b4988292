"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { FormError } from "@/components/ui/form-error";

/**
 * Signing out without a workspace: better-auth's own sign-out route, since every server
 * action needs a workspace to scope to and this person has none.
 */
export function SignOutButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const signOut = () =>
    startTransition(async () => {
      setError(null);
      // better-auth takes a JSON body on its POST routes (it refuses one without a content type).
      const res = await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).catch(() => null);
      if (!res) return setError("Could not sign out: the server could not be reached; try again");
      if (!res.ok) return setError(`Could not sign out: the server refused (${res.status}); try again`);
      router.replace("/sign-in");
      router.refresh();
    });
  return (
    <div className="space-y-2">
      <button type="button" onClick={signOut} disabled={pending} className={buttonClass.quiet}>
        {pending ? "Signing out…" : "Sign out"}
      </button>
      <FormError message={error ?? undefined} />
    </div>
  );
}
