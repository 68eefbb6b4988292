import { defineConfig } from "vitest/config";

// npm run test:faults: the crash-safety suite (faults/, *.faults.test.ts). Kept out of
// `npm test` and test:pg: it spawns and kills processes for minutes and times its kills, so
// its files run one at a time. TEST_DB_DRIVER=postgres with DATABASE_URL runs it on PostgreSQL,
// and only then *.pg.faults.test.ts (PostgreSQL restarted mid-sync) is part of it.
const postgres = process.env.TEST_DB_DRIVER === "postgres";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: "node",
    env: { REFERENCE_PRICES: "off" },
    include: ["**/*.faults.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", ".data/**", ...(postgres ? [] : ["**/*.pg.faults.test.ts"])],
    fileParallelism: false,
    hookTimeout: 60_000,
    testTimeout: 1_200_000,
  },
});
