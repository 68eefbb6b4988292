// The venues of bench:scale, in a child process of their own (so their CPU time is not
// counted as ours): the fake Binance and fake OKX of lib/connectors (real HTTP, signatures
// checked, Binance's per-IP weight counted and reported in its headers, a 429 past the
// limit), each serving the fixture portfolio. Every connection of a venue signs with the
// same key pair: they are one IP's worth of clients, which is how Binance counts weight.
// Protocol (IPC): prints {"binance": origin, "okx": origin} on its first stdout line; then
// messages "free-weight" (setup: the weight window is emptied every 100 ms, so the initial
// syncs are not paced; they are not measured), "measure" (requests and weight forgotten,
// the real per-minute windows from now on) and "report" (answered with the traffic since
// "measure", stamped at 100 ms resolution, and this process's CPU time).
import { FakeBinance } from "@/lib/connectors/binance/fake-binance";
import { FakeOkx } from "@/lib/connectors/okx/fake-okx";

const binance = await FakeBinance.start();
const okx = await FakeOkx.start();
console.log(JSON.stringify({ binance: binance.origin, okx: okx.origin }));

/** Requests seen since "measure": venue, path, status, weight (Binance), when (ms since "measure"). */
type Seen = { venue: "binance" | "okx"; path: string; status: number; weight: number; atMs: number };
let seen: Seen[] = [];
let t0 = Date.now();
let cpu0 = process.cpuUsage();
let freeWeight: ReturnType<typeof setInterval> | null = null;
let read = { binance: 0, okx: 0 };

const stamp = setInterval(() => {
  const at = Date.now() - t0;
  binance.requests.slice(read.binance).forEach((r, i) => seen.push({ venue: "binance", path: r.path, status: r.status, weight: binance.weights[read.binance + i] ?? 0, atMs: at }));
  okx.requests.slice(read.okx).forEach((r) => seen.push({ venue: "okx", path: r.path, status: r.status, weight: 0, atMs: at }));
  read = { binance: binance.requests.length, okx: okx.requests.length };
}, 100);

process.on("message", (m: unknown) => {
  if (m === "free-weight") {
    freeWeight ??= setInterval(() => binance.resetWeight(), 100);
  } else if (m === "measure") {
    if (freeWeight) clearInterval(freeWeight);
    freeWeight = null;
    binance.resetWeight();
    binance.clearRequests();
    okx.clearRequests();
    read = { binance: 0, okx: 0 };
    seen = [];
    t0 = Date.now();
    cpu0 = process.cpuUsage();
  } else if (m === "report") {
    const cpu = process.cpuUsage(cpu0);
    process.send!({ seen, cpuMs: (cpu.user + cpu.system) / 1000 });
  } else if (m === "stop") {
    clearInterval(stamp);
    if (freeWeight) clearInterval(freeWeight);
    void Promise.all([binance.close(), okx.close()]).then(() => process.exit(0));
  }
});
// The bench died (its IPC channel closed): nothing is left listening.
process.on("disconnect", () => process.exit(0));
