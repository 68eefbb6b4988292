/**
 * better-auth's log lines, less one: with BETTER_AUTH_URL unset we take each request's
 * origin on purpose (the README says so: localhost and the LAN address `npm start` prints
 * both work), so its start-up warning "Base URL is not set" would alarm every first run
 * about a choice already made. Everything else it logs passes through unchanged.
 */
type Level = "debug" | "info" | "warn" | "error";

const BASE_URL_UNSET = "Base URL is not set";

export function authLogger(p: { baseURLSet: boolean; write?: (level: Level, line: string, args: unknown[]) => void }) {
  const write =
    p.write ??
    ((level: Level, line: string, args: unknown[]) => (level === "error" ? console.error : level === "warn" ? console.warn : console.log)(line, ...args));
  return {
    level: "warn" as const,
    log(level: Level, message: string, ...args: unknown[]) {
      if (!p.baseURLSet && message.includes(BASE_URL_UNSET)) return;
      write(level, message.startsWith("[better-auth]") ? message : `[better-auth] ${message}`, args);
    },
  };
}
