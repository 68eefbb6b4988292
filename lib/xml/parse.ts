/**
 * A small, strict XML reader for IBKR Flex responses: elements, attributes (single or
 * double quoted), self-closing tags, text, comments, CDATA, the five predefined entities
 * and numeric character references. Anything else — a DOCTYPE (so no entity expansion),
 * an unknown entity, a stray "&" or "<", mismatched or unclosed tags, a duplicate
 * attribute, content after the root — is an error, never a best guess.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (children's text not included), entities decoded. */
  text: string;
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
    this.name = "XmlSyntaxError";
  }
}

const NAME = /[A-Za-z_:][A-Za-z0-9_.:-]*/y;
const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const MAX_DEPTH = 256;

export function parseXml(input: string): XmlElement {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let pos = 0;
  const fail = (message: string): never => {
    throw new XmlSyntaxError(pos >= text.length ? `unexpected end of XML (${message})` : message, pos);
  };

  const skipWhitespace = () => {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  };
  const skipMisc = () => {
    for (;;) {
      skipWhitespace();
      if (text.startsWith("<!--", pos)) {
        const end = text.indexOf("-->", pos + 4);
        if (end < 0) fail("unclosed comment");
        pos = end + 3;
      } else return;
    }
  };
  const readName = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(text);
    if (!m) return fail("expected a name");
    pos += m[0].length;
    return m[0];
  };
  const decode = (raw: string, at: number): string =>
    raw.replace(/&([^;&<\s]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(";")) throw new XmlSyntaxError(`bare "&" (write &amp;)`, at);
      if (ref in PREDEFINED) return PREDEFINED[ref]!;
      const num = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(ref);
      if (num) {
        const code = num[1] !== undefined ? Number.parseInt(num[1], 16) : Number.parseInt(num[2]!, 10);
        if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new XmlSyntaxError(`invalid character reference &${ref};`, at);
        return String.fromCodePoint(code);
      }
      throw new XmlSyntaxError(`unknown entity &${ref};`, at);
    });

  const readElement = (depth: number): XmlElement => {
    if (depth > MAX_DEPTH) fail("nesting too deep");
    if (text[pos] !== "<") fail('expected "<"');
    pos++;
    const name = readName();
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = pos;
      skipWhitespace();
      if (text.startsWith("/>", pos)) {
        pos += 2;
        return { name, attributes, children: [], text: "" };
      }
      if (text[pos] === ">") {
        pos++;
        break;
      }
      if (pos === before) fail("expected whitespace before an attribute");
      const attr = readName();
      skipWhitespace();
      if (text[pos] !== "=") fail(`expected "=" after ${attr}`);
      pos++;
      skipWhitespace();
      const quote = text[pos];
      if (quote !== '"' && quote !== "'") return fail("expected a quoted attribute value");
      const end = text.indexOf(quote, pos + 1);
      if (end < 0) fail("unclosed attribute value");
      const raw = text.slice(pos + 1, end);
      if (raw.includes("<")) fail(`"<" in the value of ${attr}`);
      if (Object.hasOwn(attributes, attr)) fail(`duplicate attribute ${attr}`);
      Object.defineProperty(attributes, attr, { value: decode(raw, pos), enumerable: true, writable: true, configurable: true });
      pos = end + 1;
    }

    const children: XmlElement[] = [];
    let own = "";
    for (;;) {
      if (pos >= text.length) fail(`unclosed <${name}>`);
      if (text.startsWith("</", pos)) {
        pos += 2;
        const closing = readName();
        if (closing !== name) fail(`</${closing}> closes <${name}>`);
        skipWhitespace();
        if (text[pos] !== ">") fail('expected ">"');
        pos++;
        return { name, attributes, children, text: own };
      }
      if (text.startsWith("<!--", pos)) {
        const end = text.indexOf("-->", pos + 4);
        if (end < 0) fail("unclosed comment");
        pos = end + 3;
      } else if (text.startsWith("<![CDATA[", pos)) {
        const end = text.indexOf("]]>", pos + 9);
        if (end < 0) fail("unclosed CDATA section");
        own += text.slice(pos + 9, end);
        pos = end + 3;
      } else if (text.startsWith("<!", pos) || text.startsWith("<?", pos)) {
        fail("declarations and processing instructions are not allowed inside elements");
      } else if (text[pos] === "<") {
        children.push(readElement(depth + 1));
      } else {
        const next = text.indexOf("<", pos);
        const end = next < 0 ? text.length : next;
        const raw = text.slice(pos, end);
        if (raw.includes("]]>")) fail('"]]>" in text');
        own += decode(raw, pos);
        pos = end;
      }
    }
  };

  if (text.startsWith("<?xml", pos)) {
    const end = text.indexOf("?>", pos);
    if (end < 0) fail("unclosed XML declaration");
    pos = end + 2;
  }
  skipMisc();
  if (text.startsWith("<!DOCTYPE", pos) || text.startsWith("<!doctype", pos)) fail("DOCTYPE is not allowed");
  if (text[pos] !== "<") fail("no root element");
  const root = readElement(0);
  skipMisc();
  if (pos < text.length) fail("content after the root element");
  return root;
}

/** Every descendant element with this name, in document order. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** The first direct child with this name. */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}
