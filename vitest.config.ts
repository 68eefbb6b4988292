import os from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: "node",
    // Tests never reach the internet: reference prices come from fakes passed explicitly.
    env: { REFERENCE_PRICES: "off" },
    include: ["**/*.test.ts"],
    // *.faults.test.ts: the crash-safety suite, run by npm run test:faults (vitest.faults.config.ts).
    exclude: ["node_modules/**", ".next/**", "e2e/**", ".data/**", "**/*.faults.test.ts"],
    // One worker per core. Vitest's default keeps one core for its coordinator, which is idle
    // nearly all the time: on this 2-core machine that ran every file in one worker, half
    // the machine unused (measured: the PGlite suite took 1,010 s with 1 worker).
    maxWorkers: os.availableParallelism(),
    // A fresh migrated PGlite costs ~2 s of CPU per file; give slow starts room.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
