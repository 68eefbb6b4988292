import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", ".data/**"],
    // A fresh migrated PGlite costs ~2 s of CPU per file; give slow starts room.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
