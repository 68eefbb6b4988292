/**
 * Venue JSON read with the `lossless-json` package, every number handed on as its exact
 * source text: `JSON.parse` would round a nanosecond timestamp or a 20-digit balance to a double.
 */
import { parse, stringify } from "lossless-json";

/** Numbers are their source text; a schema decides per field whether that is a decimal or a BigInt. */
export type LosslessJson = string | boolean | null | LosslessJson[] | { [key: string]: LosslessJson };

export class JsonSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JsonSyntaxError";
  }
}

const asText = (source: string) => source;
// The last duplicate key wins, as with JSON.parse (the library would throw).
const lastWins = ({ newValue }: { newValue: unknown }) => newValue;

export function parseLosslessJson(text: string): LosslessJson {
  try {
    return parse(text, null, { parseNumber: asText, onDuplicateKey: lastWins }) as LosslessJson;
  } catch (e) {
    if (e instanceof SyntaxError) throw new JsonSyntaxError(e.message);
    // The parser recurses per nesting level: a hostile body ends in a stack overflow, not a SyntaxError.
    if (e instanceof RangeError) throw new JsonSyntaxError("nesting too deep");
    throw e;
  }
}

/**
 * Serialises a request body with BigInt values as bare JSON integers (nanosecond times). Keys
 * keep their insertion order and no whitespace is added, so the bytes signed are the bytes sent.
 */
export function stringifyJson(value: unknown): string {
  const text = stringify(value);
  if (text === undefined) throw new TypeError("value has no JSON representation");
  return text;
}
