// npm run connection:add -- --provider binance --label "Binance main" [--config '{"environment":"testnet"}'] < credentials.json
//
// Adds a venue connection through lib/connections: the keys are tested with one signed
// call (keys that can trade or withdraw are refused unless the config allows it) and
// stored encrypted. Credentials are read as JSON from standard input — never from the
// command line, where they would land in shell history and `ps`.
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDb } from "@/db/client";
import { workspaceForCli } from "@/db/queries/workspaces";
import { addConnection } from "@/lib/connections/add-connection";
import { isConnectorError } from "@/lib/connectors/errors";
import { PROVIDERS } from "@/lib/connectors/types";
import { databaseTarget, env } from "@/lib/env";

const args = z
  .object({
    provider: z.enum(PROVIDERS),
    label: z.string().trim().min(1).max(80),
    workspace: z.string().min(1).optional(),
    config: z
      .string()
      .default("{}")
      .transform((s, ctx) => {
        try {
          return z.record(z.string(), z.unknown()).parse(JSON.parse(s));
        } catch {
          ctx.addIssue({ code: "custom", message: "--config must be a JSON object" });
          return z.NEVER;
        }
      }),
  })
  .safeParse(
    parseArgs({ options: { provider: { type: "string" }, label: { type: "string" }, config: { type: "string" }, workspace: { type: "string" } }, strict: true }).values,
  );
if (!args.success) {
  console.error(`Usage: npm run connection:add -- --provider <${PROVIDERS.join("|")}> --label <name> [--config <json>] [--workspace <slug>] < credentials.json\n${args.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  process.exit(2);
}

const chunks: Buffer[] = [];
for await (const c of process.stdin) chunks.push(c as Buffer);
const text = Buffer.concat(chunks).toString("utf8").trim();
let credentials: Record<string, string> = {};
if (text) {
  const parsed = z.record(z.string(), z.string()).safeParse((() => { try { return JSON.parse(text) as unknown; } catch { return null; } })());
  if (!parsed.success) {
    console.error('Credentials on stdin must be a JSON object of strings, e.g. {"apiKey":"…","secret":"…"}');
    process.exit(2);
  }
  credentials = parsed.data;
}

const e = env();
const handle = await openDb(databaseTarget(e));
try {
  const owner = await workspaceForCli(handle.db, args.data.workspace);
  const added = await addConnection(handle.db, { ownerId: owner.id, provider: args.data.provider, label: args.data.label, credentials, config: args.data.config });
  console.log(`Added connection ${added.id}: ${added.accounts.length} account(s) (${added.accounts.map((a) => a.name).join(", ")}); key permissions: ${added.permissions.join(", ") || "none reported"}`);
} catch (err) {
  // ConnectorError messages are written to be shown and never carry secrets.
  console.error(isConnectorError(err) ? `Refused (${err.kind}): ${err.message}` : `Failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
