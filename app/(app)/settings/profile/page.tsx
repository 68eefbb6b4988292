import type { Metadata } from "next";
import { connection } from "next/server";
import { Card } from "@/components/ui/card";
import { requirePageScope } from "@/lib/access/page";
import { NameForm } from "./_components/name-form";
import { PasswordForm } from "./_components/password-form";

export const metadata: Metadata = { title: "Profile · Settings" };

/** The person's own account: the name others see, the address they sign in with, the password. */
export default async function ProfilePage() {
  await connection();
  const { viewer } = await requirePageScope("/settings/profile");
  return (
    <div className="space-y-4">
      <Card title="Profile">
        <div className="space-y-5">
          <NameForm name={viewer.user.name} />
          <div className="space-y-1 text-sm">
            <p className="font-medium">Email</p>
            <p data-testid="profile-email">{viewer.user.email}</p>
            <p className="text-xs text-fg-subtle">
              The address you sign in with. It cannot be changed here: a change has to be confirmed by a mail to the new address, and this install
              sends no mail.
            </p>
          </div>
        </div>
      </Card>
      <Card title="Password">
        <PasswordForm />
      </Card>
    </div>
  );
}
