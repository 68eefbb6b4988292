// The built app server for bench:load: `next start` (the production build in .next) on its
// own port and database, in its own process group so it and any worker it forks are
// stopped together, with the CPU time of that group read from /proc (Linux) so the report
// can say how many cores the server used.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface AppServer {
  origin: string;
  /** CPU seconds (user + system) used so far by the server's process group. */
  cpuSeconds(): number;
  /** The end of what the server printed (for the bench's stderr). */
  output(): string;
  stop(): Promise<void>;
}

const TICKS_PER_SECOND = 100;

function groupCpuSeconds(pgid: number): number {
  let ticks = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name (which may hold spaces), which ends at the last ")".
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(f[2]) !== pgid) continue;
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // The process ended while the directory was read.
    }
  }
  return ticks / TICKS_PER_SECOND;
}

export async function startAppServer(p: { port: number; env: Record<string, string> }): Promise<AppServer> {
  const origin = `http://127.0.0.1:${p.port}`;
  if (!fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) throw new Error("no production build in .next: run `npx next build` first");
  const child: ChildProcess = spawn(path.join(process.cwd(), "node_modules", ".bin", "next"), ["start", "-p", String(p.port)], {
    // An empty value removes the variable (bench:pages' PGlite server must not see a DATABASE_URL set earlier).
    env: Object.fromEntries(Object.entries({ ...process.env, ...p.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }).filter(([, v]) => v !== undefined && v !== "")) as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const output: string[] = [];
  child.stdout!.on("data", (d: Buffer) => output.push(d.toString()));
  child.stderr!.on("data", (d: Buffer) => output.push(d.toString()));
  const pgid = child.pid!;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited ${child.exitCode}: ${output.join("").slice(-2000)}`);
    try {
      const res = await fetch(`${origin}/api/health`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer /api/health in 120 s: ${output.join("").slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    origin,
    cpuSeconds: () => groupCpuSeconds(pgid),
    output: () => output.join("").slice(-4000),
    stop: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      try {
        process.kill(-pgid, "SIGTERM");
      } catch {
        return;
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      try {
        process.kill(-pgid, "SIGKILL");
      } catch {
        // Already gone.
      }
    },
  };
}
