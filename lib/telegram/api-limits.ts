import type { Transformer } from "grammy";

/**
 * Telegram's limits, as grammY API transformers (every call of the bot passes through them).
 * Hand-written: the auto-retry and throttler plugins are not installed (no new dependency),
 * and what is needed here is small: a pause per chat and one retry rule.
 *
 * Per chat: about one message a second in a private chat, 20 a minute in a group (Bot API
 * FAQ, "My bot is hitting limits"). A group's chat id is negative.
 */
const SENDING = /^(send|edit|copy|forward)/;
export const PRIVATE_CHAT_INTERVAL_MS = 1_000;
export const GROUP_CHAT_INTERVAL_MS = 3_000;

export interface LimitClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const realClock: LimitClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

function chatOf(payload: unknown): string | null {
  const id = (payload as { chat_id?: unknown } | undefined)?.chat_id;
  return typeof id === "number" || typeof id === "string" ? String(id) : null;
}

/** Spaces the messages sent to one chat: each waits for its slot (the slot is taken before waiting, so bursts queue in order). */
export function perChatRateLimit(clock: LimitClock = realClock, intervals = { privateMs: PRIVATE_CHAT_INTERVAL_MS, groupMs: GROUP_CHAT_INTERVAL_MS }): Transformer {
  const nextSlot = new Map<string, number>();
  return async (prev, method, payload, signal) => {
    const chat = SENDING.test(method) ? chatOf(payload) : null;
    if (chat !== null) {
      const now = clock.now();
      const slot = Math.max(now, nextSlot.get(chat) ?? 0);
      nextSlot.set(chat, slot + (chat.startsWith("-") ? intervals.groupMs : intervals.privateMs));
      if (slot > now) await clock.sleep(slot - now);
      // Forget chats that went quiet: the map must not grow with every chat ever seen.
      if (nextSlot.size > 10_000) for (const [k, v] of nextSlot) if (v < now) nextSlot.delete(k);
    }
    return prev(method, payload, signal);
  };
}

/** A 429 ("Too Many Requests: retry after N") is retried after Telegram's own `retry_after`, a few times at most. */
export function retryAfter429(clock: LimitClock = realClock, maxRetries = 3): Transformer {
  return async (prev, method, payload, signal) => {
    for (let attempt = 0; ; attempt++) {
      const res = await prev(method, payload, signal);
      if (res.ok || res.error_code !== 429 || attempt >= maxRetries) return res;
      const seconds = res.parameters?.retry_after ?? 1;
      await clock.sleep(seconds * 1000);
    }
  };
}
