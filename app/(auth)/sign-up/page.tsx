import Link from "next/link";
import { connection } from "next/server";
import { AuthForm } from "@/components/auth/auth-form";
import { z } from "zod";
import { openInvitationById } from "@/db/queries/invitations";
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
  const params = await searchParams;
  const next = safeNextPath(params.next);
  const invitationId = typeof params.invitation === "string" && z.uuid().safeParse(params.invitation).success ? params.invitation : undefined;
  const invitation = invitationId ? await openInvitationById(handle.db, invitationId) : null;
  const open = first || env().ALLOW_SIGNUP === "on" || invitation !== null;
  return (
    <div className="mx-auto mt-8 max-w-sm space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{first ? "Create the owner account" : "Create an account"}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {first
            ? "You are the first person here: you will own the Personal workspace, where the demo portfolio lives."
            : invitation
              ? `You are invited to ${invitation.workspace} as ${invitation.role ?? "member"}, with ${invitation.email}.`
              : invitationId
                ? "This invitation is no longer open (used, withdrawn or expired): ask a workspace admin for a new link."
                : open
                  ? "You will get a workspace of your own."
                  : "Sign-up is by invitation: use the invitation link a workspace admin sent you, with the address it was sent to."}
        </p>
      </div>
      {open && (
        <AuthForm
          mode="sign-up"
          next={next}
          submitLabel={first ? "Create the owner account" : invitation ? "Create account and join" : "Create account"}
          invitationId={invitation?.id}
          email={invitation?.email}
        />
      )}
      {!first && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Already have an account?{" "}
          <Link
            href={invitation ? `/sign-in?invitation=${invitation.id}` : "/sign-in"}
            className="font-medium text-indigo-700 underline dark:text-indigo-300"
          >
            Sign in{invitation ? " to join" : ""}
          </Link>
        </p>
      )}
    </div>
  );
}
