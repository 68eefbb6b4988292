/**
 * A strict JSON (RFC 8259) parser that hands every number on as its exact source text.
 *
 * `JSON.parse` turns numbers into doubles: a nanosecond timestamp (1700000000123456789)
 * or a 20-digit balance silently loses digits. Venue bodies pass through here instead, so
 * a schema decides per field whether the text is a decimal string or a BigInt, and no
 * digit is lost on the way. Everything else (strings, booleans, null, structure) comes
 * out exactly as `JSON.parse` would produce it.
 */
export type LosslessJson = string | boolean | null | LosslessJson[] | { [key: string]: LosslessJson };

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
    this.name = "JsonSyntaxError";
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// A JSON string token: no raw control characters, only the escapes JSON allows.
const STRING = /"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y;
const MAX_DEPTH = 512;

export function parseLosslessJson(text: string): LosslessJson {
  let pos = 0;

  const fail = (message: string): never => {
    throw new JsonSyntaxError(pos >= text.length ? "unexpected end of JSON" : message, pos);
  };
  const skipWhitespace = () => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else break;
    }
  };
  const literal = (word: string, value: LosslessJson): LosslessJson => {
    if (text.startsWith(word, pos)) {
      pos += word.length;
      return value;
    }
    return fail(`unexpected token "${text[pos]}"`);
  };
  const readString = (): string => {
    STRING.lastIndex = pos;
    const m = STRING.exec(text);
    if (!m) {
      // A string never closed is a body cut short, and is reported as such.
      if (!text.includes('"', pos + 1)) pos = text.length;
      return fail("malformed string");
    }
    pos += m[0].length;
    // The token is already validated, so the built-in decoder handles the escapes.
    return JSON.parse(m[0]) as string;
  };

  const readValue = (depth: number): LosslessJson => {
    if (depth > MAX_DEPTH) fail("nesting too deep");
    skipWhitespace();
    const c = text[pos];
    if (c === "{") {
      pos++;
      const out: { [key: string]: LosslessJson } = {};
      skipWhitespace();
      if (text[pos] === "}") {
        pos++;
        return out;
      }
      for (;;) {
        skipWhitespace();
        if (text[pos] !== '"') fail("expected a property name");
        const key = readString();
        skipWhitespace();
        if (text[pos] !== ":") fail('expected ":"');
        pos++;
        // defineProperty, so a "__proto__" key is data and never a prototype.
        Object.defineProperty(out, key, { value: readValue(depth + 1), enumerable: true, writable: true, configurable: true });
        skipWhitespace();
        if (text[pos] === ",") {
          pos++;
          continue;
        }
        if (text[pos] === "}") {
          pos++;
          return out;
        }
        fail('expected "," or "}"');
      }
    }
    if (c === "[") {
      pos++;
      const out: LosslessJson[] = [];
      skipWhitespace();
      if (text[pos] === "]") {
        pos++;
        return out;
      }
      for (;;) {
        out.push(readValue(depth + 1));
        skipWhitespace();
        if (text[pos] === ",") {
          pos++;
          continue;
        }
        if (text[pos] === "]") {
          pos++;
          return out;
        }
        fail('expected "," or "]"');
      }
    }
    if (c === '"') return readString();
    if (c === "t") return literal("true", true);
    if (c === "f") return literal("false", false);
    if (c === "n") return literal("null", null);
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (!m) return fail(c === undefined ? "unexpected end of JSON" : `unexpected token "${c}"`);
    pos += m[0].length;
    return m[0];
  };

  const value = readValue(0);
  skipWhitespace();
  if (pos !== text.length) fail("unexpected data after the JSON value");
  return value;
}

/**
 * Serialises a request body where BigInt values are written as bare JSON integers
 * (nanosecond times). Keys keep their insertion order and no whitespace is added, so the
 * bytes signed are the bytes sent.
 */
export function stringifyJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? BIGINT_MARK + v.toString() + BIGINT_MARK : v)).replace(
    BIGINT_TOKEN,
    "$1",
  );
}

// A marker no venue body contains; the quoted marker pair is swapped for the bare digits.
const BIGINT_MARK = "\u0000bigint\u0000";
const BIGINT_TOKEN = /"\\u0000bigint\\u0000(-?\d+)\\u0000bigint\\u0000"/g;
