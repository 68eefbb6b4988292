#!/usr/bin/env node
// npm run test:pg — the integration tests (*.int.test.ts) against a real PostgreSQL
// server. Each test file creates and drops its own database on the server, so
// DATABASE_URL must name a role allowed to CREATE DATABASE.
import { spawnSync } from "node:child_process";

const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
console.log(`Integration tests on PostgreSQL at ${url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")}`);
const r = spawnSync("npx", ["vitest", "run", "int.test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: url, TEST_DB_DRIVER: "postgres" },
});
process.exit(r.status ?? 1);
