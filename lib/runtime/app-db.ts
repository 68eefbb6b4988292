import { openDb, type DbHandle } from "@/db/client";
import { installWorkspace } from "@/db/queries/workspaces";
import { createAuth, type Auth } from "@/lib/auth/server";
import { databaseTarget, env } from "@/lib/env";
import { generatedSecret } from "@/lib/security/generated-secret";
import { backfillUnitisedSeries } from "@/lib/snapshots/unitised";
import { ensureDemoPortfolio } from "./demo-seed";

export interface AppRuntime {
  handle: DbHandle;
  auth: Auth;
}

const KEY = Symbol.for("venuefolio.runtime");
type Holder = { [KEY]?: Promise<AppRuntime> };

async function start(): Promise<AppRuntime> {
  const e = env();
  const handle = await openDb(databaseTarget(e));
  // The install's first workspace exists before anyone signs up: the demo (or an upgraded
  // install's data) is there, and the first person to sign up becomes its owner. Once its
  // owner has deleted it, it stays deleted (installWorkspace).
  const personal = await installWorkspace(handle.db);
  // Roll-ups an earlier release wrote get their unitised series (a no-op once built).
  await backfillUnitisedSeries(handle.db);
  if (personal && e.DEMO_SEED === "on") await ensureDemoPortfolio(handle.db, { ownerId: personal.id });
  const secret =
    e.BETTER_AUTH_SECRET ??
    generatedSecret(e.BETTER_AUTH_SECRET_FILE, (abs) => `Generated a session signing secret at ${abs} (mode 0600). Keep it: replacing it signs everyone out.`);
  const auth = createAuth(handle.db, { secret, baseURL: e.BETTER_AUTH_URL, allowSignup: e.ALLOW_SIGNUP === "on" });
  return { handle, auth };
}

/**
 * The process-wide database and auth, opened once (kept on globalThis so dev reloads reuse
 * them). A failed start is not cached: the next call tries again.
 */
export function getRuntime(): Promise<AppRuntime> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    holder[KEY] = start().catch((err: unknown) => {
      delete holder[KEY];
      throw err;
    });
  }
  return holder[KEY];
}

/**
 * Tests hand the process a runtime of their own (a throwaway database, a test secret), so
 * route handlers and actions run exactly as in production against it.
 */
export function provideRuntimeForTests(runtime: AppRuntime): void {
  (globalThis as Holder)[KEY] = Promise.resolve(runtime);
}
