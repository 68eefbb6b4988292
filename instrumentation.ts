/**
 * Runs once when the Next.js server starts (never during `next build`): opens the
 * database, seeds the demo portfolio on first start, starts the schedule and, with
 * TELEGRAM_MODE=polling, the Telegram poller.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServerRuntime } = await import("./lib/runtime/server-start");
  try {
    await startServerRuntime();
    // The chat bot sits above the runtime's layer, so it starts here, after the database.
    const [{ getRuntime }, { startAppTelegramPolling }] = await Promise.all([import("./lib/runtime/app-db"), import("./lib/telegram/app-bot")]);
    startAppTelegramPolling((await getRuntime()).handle.db);
  } catch (e) {
    // Keep serving: pages show the same error (e.g. the data dir is locked) instead of a dead port.
    console.error(`[venuefolio] startup failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
