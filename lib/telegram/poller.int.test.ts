// Issue 16, "Tests": polling with two processes, only one polls. Two child processes, each
// a server start with TELEGRAM_MODE=polling against one database and the fake Telegram
// server. Each is given its own token so the fake can tell whose getUpdates it answers.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { openTestDb } from "@/db/testing";
import { FakeTelegram } from "./testing/fake-telegram";
import { textUpdate } from "./testing/updates";

const TOKENS = ["111111111:AAFirstProcessToken_abcdefghijklmn", "222222222:AASecondProcessToken_abcdefghijkl"] as const;
const onPostgres = process.env.TEST_DB_DRIVER === "postgres";

let fake: FakeTelegram;
let target: { url: string } | { dataDir: string };
let closeDb: () => Promise<void> = async () => {};
const children: Array<{ proc: ChildProcess; out: string[] }> = [];

function startChild(token: string) {
  // node with tsx's loader, not the tsx wrapper: killing the wrapper would leave its node child (and its lock) alive.
  const proc = spawn(process.execPath, ["--import", "tsx", "lib/telegram/testing/poller-child.ts"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      CHILD_DB_TARGET: JSON.stringify(target),
      TELEGRAM_MODE: "polling",
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      CREDENTIALS_KEY: randomBytes(32).toString("base64"),
      SCHEDULER: "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const child = { proc, out: [] as string[] };
  proc.stdout!.on("data", (b: Buffer) => child.out.push(...b.toString().split("\n").filter(Boolean)));
  proc.stderr!.on("data", (b: Buffer) => child.out.push(...b.toString().split("\n").filter(Boolean).map((l) => `stderr:${l}`)));
  children.push(child);
  return child;
}

async function until(what: string, check: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(children.map((c) => c.out))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const pollsBy = (token: string) => fake.calls.filter((c) => c.method === "getUpdates" && c.token === token).length;
const settled = (c: { out: string[] }) => c.out.some((l) => /^state:(polling|standby|db-locked)$/.test(l) || l.startsWith("fatal:"));

beforeAll(async () => {
  fake = await new FakeTelegram([...TOKENS]).start();
  if (onPostgres) {
    // The test database, migrated here first so the two processes do not race to migrate it.
    const h = await openTestDb();
    target = { url: h.url! };
    closeDb = () => h.close();
  } else {
    // Migrated here first, then closed: the children only open it (and one of them is refused).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vf-poller-"));
    target = { dataDir: path.join(dir, "pglite") };
    await (await openDb(target)).close();
    closeDb = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
}, 240_000);
afterAll(async () => {
  for (const c of children) c.proc.kill("SIGKILL");
  await fake?.close();
  await closeDb();
});

describe("TELEGRAM_MODE=polling across two processes", () => {
  it("exactly one process polls; it answers updates; the other polls nothing (and takes over when the poller dies, on PostgreSQL)", async () => {
    const [a, b] = [startChild(TOKENS[0]), startChild(TOKENS[1])];
    await until("both processes to settle", () => settled(a) && settled(b), 150_000);
    const states = [a, b].map((c) => c.out.find((l) => l.startsWith("state:") && l !== "state:standby") ?? "state:standby");
    expect(states.filter((s) => s === "state:polling"), JSON.stringify([a.out, b.out])).toHaveLength(1);
    const [poller, other] = states[0] === "state:polling" ? [a, b] : [b, a];
    const [pollerToken, otherToken] = poller === a ? TOKENS : [TOKENS[1], TOKENS[0]];
    expect(other.out).toContain(onPostgres ? "state:standby" : "state:db-locked");

    // The poller fetches and answers an update; over the same time the other never calls getUpdates.
    const chat = { id: 999, firstName: "Poll" };
    fake.queueUpdate(pollerToken, textUpdate(chat, "/help"));
    await until("the poller to answer", () => fake.calls.some((c) => c.method === "sendMessage" && c.token === pollerToken));
    await new Promise((r) => setTimeout(r, 1500));
    expect(pollsBy(pollerToken)).toBeGreaterThan(1);
    expect(pollsBy(otherToken)).toBe(0);
    // Polling needs the webhook removed first (Telegram refuses getUpdates while one is set).
    expect(fake.calls.find((c) => c.token === pollerToken && c.method === "deleteWebhook")).toBeDefined();

    if (onPostgres) {
      // The advisory lock dies with its connection: the standby takes over.
      poller.proc.kill("SIGKILL");
      await until("the standby to take over", () => other.out.includes("state:polling"), 30_000);
      await until("the new poller to poll", () => pollsBy(otherToken) > 0, 30_000);
    }
  }, 300_000);
});
