/**
 * Query strings built by hand, because several venues sign the query text: the string
 * signed must be the string sent. Pairs keep their order; undefined values are left out.
 */
export type QueryValue = string | number | boolean | bigint | undefined;
export type QueryInput = Record<string, QueryValue> | ReadonlyArray<readonly [string, QueryValue]>;

/**
 * RFC 3986 percent-encoding, except that "/" and "," stay literal: ids such as
 * "fund/h47z03" and comma lists ("NSE_RELIANCE,NSE_TCS") are sent the way venue examples
 * show them, and signed that way too.
 */
export function encodeQueryComponent(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%2F/g, "/")
    .replace(/%2C/g, ",");
}

export function encodeQuery(query: QueryInput | undefined): string {
  if (!query) return "";
  const pairs: ReadonlyArray<readonly [string, QueryValue]> = Array.isArray(query) ? query : Object.entries(query);
  return pairs
    .filter((pair): pair is readonly [string, string | number | boolean | bigint] => pair[1] !== undefined)
    .map(([k, v]) => `${encodeQueryComponent(k)}=${encodeQueryComponent(String(v))}`)
    .join("&");
}
