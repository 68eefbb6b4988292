import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError } from "./lock";

const dirs: string[] = [];
const children: ChildProcess[] = [];
function tempDataDir(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "vf-lock-"));
  dirs.push(root);
  return path.join(root, "pglite");
}
afterEach(() => {
  children.splice(0).forEach((c) => c.kill());
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

describe("one process per PGlite data dir", () => {
  it("a second process is refused with a message that says what to do", () => {
    const dir = tempDataDir();
    const other = spawn("sleep", ["30"]);
    children.push(other);
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.writeFileSync(`${dir}.lock`, String(other.pid));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(`already open in process ${other.pid}`);
    expect(() => acquireDataDirLock(dir)).toThrow(/set DATABASE_URL/);
  });

  it("a lock left by a dead process is taken over", async () => {
    const dir = tempDataDir();
    const dead = spawn("true");
    await new Promise((r) => dead.on("exit", r));
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.writeFileSync(`${dir}.lock`, String(dead.pid));
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it("release frees the dir for the next opener", () => {
    const dir = tempDataDir();
    acquireDataDirLock(dir)();
    const again = acquireDataDirLock(dir);
    expect(fs.existsSync(`${dir}.lock`)).toBe(true);
    again();
  });
});
