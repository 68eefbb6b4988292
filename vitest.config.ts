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
    // A fresh migrated PGlite costs ~2 s of CPU per file; give slow starts room.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
