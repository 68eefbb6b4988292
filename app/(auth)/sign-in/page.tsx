import Link from "next/link";
import { connection } from "next/server";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { hasAnyUser } from "@/db/queries/workspaces";
import { safeNextPath } from "@/lib/access/next-path";
import { env } from "@/lib/env";
import { getRuntime } from "@/lib/runtime/app-db";

export const metadata = { title: "Sign in · Venuefolio" };

/** Sign in; an install nobody has signed up to yet goes to "create the owner account" instead. */
export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { handle } = await getRuntime();
  if (!(await hasAnyUser(handle.db))) redirect("/sign-up");
  const next = safeNextPath((await searchParams).next);
  return (
    <div className="mx-auto mt-12 max-w-sm space-y-6">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <AuthForm mode="sign-in" next={next} submitLabel="Sign in" />
      {env().ALLOW_SIGNUP === "on" && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No account yet? <Link href={`/sign-up?next=${encodeURIComponent(next)}`} className="font-medium text-indigo-700 underline dark:text-indigo-300">Create one</Link>
        </p>
      )}
    </div>
  );
}
