import { env } from "@/lib/env";

/**
 * Test-only hook for the crash-safety suite (npm run test:faults, docs/architecture.md
 * "Fault suite"): with SYNC_FAULT_PAUSE_MS set, each step a sync marks writes
 * `fault-point <step>` to stderr and then waits that long, so a `kill -9` sent on seeing the
 * line lands between two writes, inside the run's transaction when the step is `tx:*`.
 * Unset (production), it returns at once and writes nothing. The variable is read once.
 */
let pauseMs: number | null | undefined;

export async function faultPoint(step: string): Promise<void> {
  if (pauseMs === undefined) pauseMs = env().SYNC_FAULT_PAUSE_MS ?? null;
  if (pauseMs === null) return;
  process.stderr.write(`fault-point ${step}\n`);
  await new Promise((resolve) => setTimeout(resolve, pauseMs!));
}
