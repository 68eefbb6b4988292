import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end against the production build (`npm run build` first), on Debian's
 * chromium: Playwright's own browser download is not reachable here.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
/** The owner's signed-in browser state, written by e2e/auth.setup.ts. */
export const OWNER_STATE = "./test-results/.auth/owner.json";
/**
 * Where e2e/connections.spec.ts starts the fake Binance. The server is told before it starts
 * (VENUE_BASE_URL_BINANCE, read only from the server's environment: see
 * lib/env/venue-override.ts), so the port is fixed rather than discovered.
 */
export const FAKE_BINANCE_PORT = Number(process.env.E2E_FAKE_BINANCE_PORT ?? port + 1);
/** Where e2e/funds.spec.ts starts the fake 1Token tenant (VENUE_BASE_URL_ONETOKEN, the same way). */
export const FAKE_ONETOKEN_PORT = Number(process.env.E2E_FAKE_ONETOKEN_PORT ?? port + 2);

const chromium = {
  ...devices["Desktop Chrome"],
  viewport: { width: 1400, height: 1100 },
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

export default defineConfig({
  testDir: "./e2e",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  outputDir: "./test-results",
  use: { baseURL, trace: "retain-on-failure" },
  projects: [
    // The first person signs up (first run) and every other test starts signed in as them.
    { name: "owner-sign-up", testMatch: /auth\.setup\.ts$/, use: { ...chromium } },
    {
      name: "debian-chromium",
      dependencies: ["owner-sign-up"],
      use: {
        ...chromium,
        storageState: OWNER_STATE,
      },
    },
  ],
  webServer: {
    command: `npx next start -p ${port}`,
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      // Its own data dir: PGlite allows one process per directory.
      PGLITE_DIR: "./.data/pglite-e2e",
      CREDENTIALS_KEY_FILE: "./.data/e2e-credentials.key",
      BETTER_AUTH_SECRET_FILE: "./.data/e2e-auth-secret",
      // A second person signs up on their own to prove workspaces do not see each other.
      ALLOW_SIGNUP: "on",
      SCHEDULER: "off",
      NEXT_TELEMETRY_DISABLED: "1",
      // Binance requests go to the fake the connections spec starts; nothing else reaches out.
      VENUE_BASE_URL_BINANCE: `http://127.0.0.1:${FAKE_BINANCE_PORT}`,
      // 1Token requests go to the fake the funds spec starts, the tenant address's path kept.
      VENUE_BASE_URL_ONETOKEN: `http://127.0.0.1:${FAKE_ONETOKEN_PORT}`,
      // No outside network in e2e: a USDT-only venue's holdings are then reported unpriced, never guessed.
      REFERENCE_PRICES: "off",
    },
  },
});
