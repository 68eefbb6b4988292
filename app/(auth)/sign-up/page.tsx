import Link from "next/link";
import { connection } from "next/server";
import { AuthForm } from "@/components/auth/auth-form";
import { hasAnyUser } from "@/db/queries/workspaces";
import { safeNextPath } from "@/lib/access/next-path";
import { env } from "@/lib/env";
import { getRuntime } from "@/lib/runtime/app-db";

export const metadata = { title: "Create an account · Venuefolio" };

/**
 * The first person creates the owner account (and owns the Personal workspace, demo
 * included). After that, sign-up is open only with ALLOW_SIGNUP=on or to someone invited.
 */
export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { handle } = await getRuntime();
  const first = !(await hasAnyUser(handle.db));
  const next = safeNextPath((await searchParams).next);
  const open = first || env().ALLOW_SIGNUP === "on";
  return (
    <div className="mx-auto mt-12 max-w-sm space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{first ? "Create the owner account" : "Create an account"}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {first
            ? "You are the first person here: you will own the Personal workspace, where the demo portfolio lives."
            : open
              ? "You will get a workspace of your own."
              : "Sign-up is by invitation: use the invitation link a workspace admin sent you, with the address it was sent to."}
        </p>
      </div>
      <AuthForm mode="sign-up" next={next} submitLabel={first ? "Create the owner account" : "Create account"} />
      {!first && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Already have an account? <Link href="/sign-in" className="font-medium text-indigo-700 underline dark:text-indigo-300">Sign in</Link>
        </p>
      )}
    </div>
  );
}
