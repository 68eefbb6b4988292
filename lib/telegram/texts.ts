/** The bot's fixed answers, in one place (the tests read them from here). */
export const TEXT = {
  unlinked:
    "This chat is not linked to a Venuefolio workspace, so it shows no data. In Venuefolio, open Settings → Telegram → Connect Telegram, then send /start <code> here.",
  removed:
    "The person who linked this chat is no longer a member of that workspace, so it shows nothing. Send /unlink to remove the link, or link again with a new code.",
  codeUnknown: "That code is not valid. Make a new one in Settings → Telegram → Connect Telegram.",
  codeExpired: "That code has expired (codes work for 10 minutes, once). Make a new one in Settings → Telegram → Connect Telegram.",
  codeUsed: "That code was already used. Make a new one in Settings → Telegram → Connect Telegram.",
  unlinked_done: "Unlinked: this chat no longer receives anything from Venuefolio.",
  notLinkedUnlink: "This chat is not linked: nothing to unlink.",
  callbackExpired: "This button has expired. Send /portfolio for fresh figures.",
  callbackForeign: "This button does not belong to this chat's current link, so it does nothing. Send /portfolio for fresh figures.",
  alertsUsage: "Use /alerts on or /alerts off.",
  help: [
    "Venuefolio bot",
    "/portfolio: equity, today's flow-adjusted change, top holdings, exposure and leverage, with Report and Rebalance buttons",
    "/alerts on | off: new alerts of the workspace delivered to this chat, or not",
    "/sync: resync every active connection (member role and above)",
    "/unlink: remove this chat's link",
    "/start <code>: link this chat (the code is in Settings → Telegram)",
    "/help: this list",
  ].join("\n"),
} as const;
