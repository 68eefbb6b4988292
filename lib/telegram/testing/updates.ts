/** Telegram updates as the Bot API sends them (the fields grammY routes on), for tests. */
let nextId = 1;

export interface TestChat {
  id: number;
  firstName: string;
}

const sender = (chat: TestChat) => ({ id: Math.abs(chat.id), is_bot: false, first_name: chat.firstName });

export function textUpdate(chat: TestChat, text: string, at = new Date()) {
  const id = nextId++;
  const command = text.startsWith("/") ? text.split(" ")[0]! : null;
  return {
    update_id: id,
    message: {
      message_id: id,
      date: Math.floor(at.getTime() / 1000),
      chat: { id: chat.id, type: "private", first_name: chat.firstName },
      from: sender(chat),
      text,
      ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command.length }] } : {}),
    },
  };
}

export function callbackUpdate(chat: TestChat, data: string, at = new Date()) {
  const id = nextId++;
  return {
    update_id: id,
    callback_query: {
      id: `cb${id}`,
      from: sender(chat),
      chat_instance: `ci${chat.id}`,
      data,
      message: { message_id: id, date: Math.floor(at.getTime() / 1000), chat: { id: chat.id, type: "private", first_name: chat.firstName }, text: "…" },
    },
  };
}
