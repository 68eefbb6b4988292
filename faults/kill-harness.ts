// Why the child is bundled: each kill costs a fresh process, and under tsx's loader a fresh
// process spends ~3 s of CPU resolving and transforming the app's modules before the sync
// starts. One esbuild bundle of the same sources (packages left external, so they are the
// installed ones) starts in a fraction of that. esbuild is the one tsx itself runs on.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";
import type { FaultState } from "./invariants";

/** The steps a run marks (lib/sync/fault-point.ts), in order; `tx:*` are inside its transaction. */
export const FAULT_STEPS = [
  "read",
  "tx:locked",
  "tx:accounts",
  "tx:holdings-fills",
  "tx:orders",
  "tx:snapshot",
  "tx:written",
  "tx:audited",
  "tx:cursors",
  "tx:before-commit",
  "committed",
] as const;

/** Kill `delayMs` after the child marks `step`, or, with `step` null, `delayMs` after it has reported its state. */
export interface KillPlan {
  step: string | null;
  delayMs: number;
}

/** Most kills anchored to a step (each step as likely), a few at a random time from the start. */
export function randomKillPlan(rand: () => number, pauseMs: number): KillPlan {
  if (rand() < 0.15) return { step: null, delayMs: Math.floor(rand() * 1_500) };
  // Well inside the step's pause, leaving room for the pipe and the probe.
  return { step: FAULT_STEPS[Math.floor(rand() * FAULT_STEPS.length)]!, delayMs: Math.floor(rand() * pauseMs * 0.5) };
}

export interface ChildOutcome {
  /** The state the child printed after opening the database and reaping. */
  state: (FaultState & { reaped: number }) | null;
  killed: boolean;
  code: number | null;
  /** The last step the child marked before it ended. */
  lastStep: string | null;
  /** The probe's answer just before the kill (PostgreSQL: a backend idle in transaction). */
  probed: boolean | null;
  output: string;
}

// Inside the repository, so that the bundle's bare imports resolve to its node_modules.
const CHILD = path.join(process.cwd(), ".data", "fault-suite", "sync-child.mjs");
let built = false;

function buildChild(): void {
  if (built) return;
  fs.mkdirSync(path.dirname(CHILD), { recursive: true });
  buildSync({
    entryPoints: [path.join(process.cwd(), "faults", "sync-child.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outfile: CHILD,
    tsconfig: path.join(process.cwd(), "tsconfig.json"),
    logLevel: "warning",
  });
  built = true;
}

/** Something done to the world (not the child) when the child marks `step`: a database restart. */
export interface StepHook {
  step: string;
  run: () => Promise<void>;
}

/**
 * Runs faults/sync-child.ts once; kills it with SIGKILL as planned (no plan: lets it finish).
 * `hook` runs once when the child first marks its step; the child is not waited for meanwhile.
 */
export function runChild(env: Record<string, string>, plan?: KillPlan, probe?: () => Promise<boolean>, hook?: StepHook): Promise<ChildOutcome> {
  buildChild();
  return new Promise((resolve, reject) => {
    // An empty value removes the variable (a PGlite child must not see the parent's DATABASE_URL).
    const childEnv = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, v]) => v !== undefined && v !== "")) as NodeJS.ProcessEnv;
    const child = spawn(process.execPath, [CHILD], { env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let state: ChildOutcome["state"] = null;
    let lastStep: string | null = null;
    let armed = false;
    let killed = false;
    let probed: boolean | null = null;
    let hooked: Promise<void> | null = null;
    // A child that hangs is killed and fails its checks (the restart scenario's child pauses 8 s a step).
    const guard = setTimeout(() => child.kill("SIGKILL"), 180_000);
    const arm = () => {
      if (armed || !plan) return;
      armed = true;
      setTimeout(async () => {
        if (probe) probed = await probe().catch(() => null);
        killed = child.kill("SIGKILL");
      }, plan.delayMs);
    };
    const lines = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of chunk.toString().split("\n")) {
        const step = /^fault-point (\S+)$/.exec(line)?.[1];
        if (step) {
          lastStep = step;
          if (plan?.step === step) arm();
          if (hook?.step === step && !hooked) hooked = hook.run().catch(reject);
        }
        const s = /^state (\{.*\})$/.exec(line)?.[1];
        if (s) {
          state = JSON.parse(s) as ChildOutcome["state"];
          if (plan && plan.step === null) arm();
        }
      }
    };
    child.stdout.on("data", lines);
    child.stderr.on("data", lines);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(guard);
      void Promise.resolve(hooked).then(() => resolve({ state, killed, code, lastStep, probed, output }));
    });
  });
}
