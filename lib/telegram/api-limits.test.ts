import { describe, expect, it } from "vitest";
import type { ApiCallFn } from "grammy";
import { perChatRateLimit, retryAfter429, type LimitClock } from "./api-limits";

/** A clock that only moves when something sleeps: the waits are read off it. */
function fakeClock() {
  let t = 0;
  const slept: number[] = [];
  const clock: LimitClock = { now: () => t, sleep: async (ms) => void (slept.push(ms), (t += ms)) };
  return { clock, slept, advance: (ms: number) => (t += ms) };
}

type Answer = { ok: true; result: true } | { ok: false; error_code: number; description: string; parameters?: { retry_after?: number } };
function api(answers: Answer[]) {
  const calls: string[] = [];
  const prev = (async (method: string) => {
    calls.push(method);
    return answers.shift() ?? { ok: true, result: true };
  }) as unknown as ApiCallFn;
  return { prev, calls };
}

describe("retryAfter429", () => {
  it("waits Telegram's retry_after and retries; gives up after the retries and returns the 429", async () => {
    const { clock, slept } = fakeClock();
    const tooMany = { ok: false as const, error_code: 429, description: "Too Many Requests: retry after 7", parameters: { retry_after: 7 } };
    const { prev, calls } = api([tooMany, { ok: true, result: true }]);
    const res = await retryAfter429(clock)(prev, "sendMessage", { chat_id: 1, text: "x" });
    expect(res.ok).toBe(true);
    expect(slept).toEqual([7000]);
    expect(calls).toEqual(["sendMessage", "sendMessage"]);

    const always = api([tooMany, tooMany, tooMany, tooMany, tooMany]);
    const gaveUp = await retryAfter429(clock, 3)(always.prev, "sendMessage", { chat_id: 1, text: "x" });
    expect(gaveUp.ok).toBe(false);
    expect(always.calls).toHaveLength(4);
  });

  it("does not retry other errors", async () => {
    const { clock, slept } = fakeClock();
    const { prev, calls } = api([{ ok: false, error_code: 400, description: "Bad Request" }]);
    expect((await retryAfter429(clock)(prev, "sendMessage", { chat_id: 1, text: "x" })).ok).toBe(false);
    expect([calls.length, slept]).toEqual([1, []]);
  });
});

describe("perChatRateLimit", () => {
  it("spaces messages to one private chat 1 s apart and a group's 3 s apart; other chats and non-sending calls do not wait", async () => {
    const { clock, slept } = fakeClock();
    const limit = perChatRateLimit(clock);
    const { prev } = api([]);
    await limit(prev, "sendMessage", { chat_id: 1, text: "a" });
    await limit(prev, "sendMessage", { chat_id: 1, text: "b" });
    await limit(prev, "sendPhoto", { chat_id: 1, photo: "x" });
    expect(slept).toEqual([1000, 1000]);
    await limit(prev, "sendMessage", { chat_id: 2, text: "other chat" });
    await limit(prev, "answerCallbackQuery", { callback_query_id: "q" });
    expect(slept).toEqual([1000, 1000]);
    await limit(prev, "sendMessage", { chat_id: -100, text: "group" });
    await limit(prev, "sendMessage", { chat_id: -100, text: "group" });
    expect(slept).toEqual([1000, 1000, 3000]);
  });
});
