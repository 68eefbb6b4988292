import { z } from "zod";
import type { Db } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { type ConnectionDeps, connectionInputSchema, parseInput, sealAndBuild } from "./input";
import type { ConnectionCheck } from "./test-connection";

const addConnectionSchema = connectionInputSchema.extend({
  ownerId: z.uuid(),
  label: z.string().trim().min(1).max(80),
});
export type AddConnectionInput = z.input<typeof addConnectionSchema>;

export interface AddedConnection extends ConnectionCheck {
  id: string;
}

/**
 * Adds a venue connection: validates the input, tests the keys with one signed call
 * (refusing keys that can trade or withdraw unless the settings allow it), and stores the
 * credentials sealed with AES-256-GCM. Only the id, the accounts found and the key's
 * permissions come back; the credentials never leave this function in the clear.
 */
export async function addConnection(db: Db, input: AddConnectionInput, deps: ConnectionDeps = {}): Promise<AddedConnection> {
  const parsed = parseInput(addConnectionSchema, input);
  const { connector, credentialsEncrypted } = sealAndBuild(parsed, deps);
  const check = await connector.testConnection();
  const { id } = await createConnection(db, {
    ownerId: parsed.ownerId,
    provider: parsed.provider,
    label: parsed.label,
    config: parsed.config,
    // A venue without credentials (the demo) stores none, rather than a sealed empty object.
    credentialsEncrypted: Object.keys(parsed.credentials).length > 0 ? credentialsEncrypted : null,
    at: (deps.now ?? (() => new Date()))(),
  });
  return { id, accounts: check.accounts, permissions: check.permissions };
}
