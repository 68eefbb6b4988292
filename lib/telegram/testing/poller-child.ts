// One "server process" of the two-process polling test (poller.int.test.ts): opens the
// database the test names and starts the app's polling with the real configuration from the
// environment, printing each state change on stdout. Run with tsx.
import { openDb } from "@/db/client";
import { DataDirLockedError } from "@/db/lock";
import { telegramConfigFromEnv } from "../config";
import { startTelegramPolling } from "../poller";
import type { RebalancePreviewer } from "../rebalance-port";

const refuse = async () => ({ ok: false as const, reason: "not part of this test" });
const rebalance: RebalancePreviewer = { preview: refuse, plan: refuse };

async function main() {
  const target = JSON.parse(process.env.CHILD_DB_TARGET!) as { url: string } | { dataDir: string };
  let db;
  try {
    db = (await openDb(target)).db;
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      // PGlite: the other process holds the data directory, so this one cannot even start.
      console.log("state:db-locked");
      return;
    }
    throw e;
  }
  startTelegramPolling({
    db,
    cfg: telegramConfigFromEnv(),
    rebalance,
    retryMs: Number(process.env.CHILD_RETRY_MS ?? 300),
    onState: (s) => console.log(`state:${s}`),
    log: { warn: (l) => console.log(`warn:${l}`), error: (l) => console.log(`error:${l}`) },
  });
}

void main().catch((e: unknown) => {
  console.log(`fatal:${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
// Stay alive until the test ends the process.
setInterval(() => {}, 60_000);
