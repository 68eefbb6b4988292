import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Card } from "@/components/ui/card";
import { requirePageScope } from "@/lib/access/page";
import { hasRole } from "@/lib/auth/roles";
import { AddConnectionWizard } from "./_components/add-connection-wizard";

export const metadata: Metadata = { title: "Add a connection" };

/** The add-connection wizard, for admins and owners; anyone else is told who can. */
export default async function NewConnectionPage() {
  await connection();
  const { viewer } = await requirePageScope("/connections/new");
  if (!hasRole(viewer.workspace.role, "admin")) {
    return (
      <Card title="Add a connection">
        <p className="text-sm text-fg-muted">
          Admins and owners add connections. Your role in {viewer.workspace.name} is {viewer.workspace.role}.{" "}
          <Link href="/connections" className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            Back to the connections
          </Link>
        </p>
      </Card>
    );
  }
  return (
    <div className="space-y-4">
      <Link href="/connections" className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        ← Connections
      </Link>
      <AddConnectionWizard />
    </div>
  );
}
