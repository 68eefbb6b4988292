import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { openInvitationById, pendingInvitationFor } from "@/db/queries/invitations";
import { NO_WORKSPACE_PATH, requireSignedIn } from "@/lib/access/page";
import { getRuntime } from "@/lib/runtime/app-db";
import { SignOutButton } from "./_components/sign-out-button";

export const metadata: Metadata = { title: "No workspace" };

/**
 * Where someone signed in but in no workspace lands (every page sends them here): their last
 * workspace was deleted, they left it or were removed, or an invitation is not accepted yet.
 * It says so, offers an open invitation to their address if there is one, and how to get one.
 */
export default async function NoWorkspacePage() {
  await connection();
  const viewer = await requireSignedIn(NO_WORKSPACE_PATH);
  if (viewer.workspace) redirect("/");
  const { handle } = await getRuntime();
  const pending = await pendingInvitationFor(handle.db, viewer.user.email);
  const invitation = pending ? await openInvitationById(handle.db, pending.id) : null;
  return (
    <div className="mx-auto mt-8 max-w-sm space-y-5">
      <h1 className="text-2xl font-semibold">You are not in any workspace</h1>
      <p className="text-sm text-fg-muted">
        You are signed in as <span className="font-medium text-fg">{viewer.user.email}</span>, but you belong to no workspace here: the last one you were in
        was deleted, you left it or were removed from it, or you have not accepted an invitation yet. Your account itself is still there.
      </p>
      {invitation ? (
        <div className="space-y-3 rounded-lg border border-line bg-surface p-4 text-sm">
          <p>
            An invitation is waiting for you: join <span className="font-medium">{invitation.workspace}</span> as {invitation.role ?? "member"}.
          </p>
          <Link
            href={`/sign-in?invitation=${invitation.id}`}
            className="inline-block rounded-md bg-indigo-600 px-3 py-2 font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            Join {invitation.workspace}
          </Link>
        </div>
      ) : (
        <p className="text-sm text-fg-muted">
          To get back in, ask an admin of a workspace for an invitation link to {viewer.user.email}. Open it, choose &ldquo;Sign in to join&rdquo;, and you
          are in with the role it gives.
        </p>
      )}
      <SignOutButton />
    </div>
  );
}
