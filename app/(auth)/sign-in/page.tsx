import Link from "next/link";
import { connection } from "next/server";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { z } from "zod";
import { openInvitationById } from "@/db/queries/invitations";
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
  const params = await searchParams;
  const next = safeNextPath(params.next);
  const invitation =
    typeof params.invitation === "string" && z.uuid().safeParse(params.invitation).success ? await openInvitationById(handle.db, params.invitation) : null;
  return (
    <div className="mx-auto mt-8 max-w-sm space-y-6">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      {invitation && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Sign in as {invitation.email} to join {invitation.workspace} as {invitation.role ?? "member"}.
        </p>
      )}
      <AuthForm mode="sign-in" next={next} submitLabel={invitation ? "Sign in and join" : "Sign in"} invitationId={invitation?.id} email={invitation?.email} />
      {env().ALLOW_SIGNUP === "on" && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No account yet? <Link href={`/sign-up?next=${encodeURIComponent(next)}`} className="font-medium text-indigo-700 underline dark:text-indigo-300">Create one</Link>
        </p>
      )}
    </div>
  );
}
