import type { Metadata } from "next";
import { connection } from "next/server";
import { listApiKeys } from "@/db/queries/api-keys";
import { Card } from "@/components/ui/card";
import { requirePageScope } from "@/lib/access/page";
import { assignableKeyRoles, hasRole } from "@/lib/auth/roles";
import { toApiKeyView } from "@/lib/read-models/api-keys";
import { CreateKeyForm } from "./_components/create-key-form";
import { KeyTable } from "./_components/key-table";
import { KeyUsage } from "./_components/key-usage";

export const metadata: Metadata = { title: "API keys · Settings" };

/**
 * The workspace's API keys, for admins and owners: making one (shown once), the list with
 * each key's role and last use, and revoking. Others get a note instead of the list: which
 * keys exist, with what role, is for the people who manage them, the same rule better-auth
 * applies (reading a workspace's keys is an admin's permission, lib/auth/roles.ts).
 */
export default async function ApiKeysPage() {
  await connection();
  const { db, ownerId, viewer } = await requirePageScope("/settings/api-keys");
  const role = viewer.workspace.role;
  if (!hasRole(role, "admin")) {
    return (
      <Card title="API keys">
        <div className="space-y-2 text-sm text-fg-muted">
          <p>API keys let scripts and other tools read {viewer.workspace.name} through its JSON API, without a browser session.</p>
          <p>Admins and owners create and revoke them. Your role here is {role}: ask an admin if a tool of yours needs a key.</p>
        </div>
      </Card>
    );
  }
  const now = new Date();
  const keys = (await listApiKeys(db, { ownerId })).map((k) => toApiKeyView(k, now));
  return (
    <div className="space-y-4">
      <Card title="Create an API key">
        <CreateKeyForm roles={assignableKeyRoles(role)} />
      </Card>
      <Card title={`Keys of ${viewer.workspace.name}`}>
        {keys.length === 0 ? <KeyUsage empty /> : <KeyTable keys={keys} />}
      </Card>
      {keys.length > 0 && (
        <Card title="Using a key">
          <KeyUsage />
        </Card>
      )}
    </div>
  );
}
