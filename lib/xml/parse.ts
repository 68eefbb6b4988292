/**
 * Strict XML for IBKR Flex statements and ECB rates: fast-xml-parser reads the document into the
 * small element tree callers walk. A DOCTYPE is refused (nothing declared ever expands) and
 * values stay exact strings, so an amount never passes through a JS number.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { strictEntities } from "./entities";

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
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line === undefined ? message : `${message} (line ${line}${column === undefined ? "" : `, column ${column}`})`);
    this.name = "XmlSyntaxError";
  }
}

const ATTRIBUTE_PREFIX = "@_";
const TEXT = "#text";
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  // The library refuses an unprefixed "__proto__" attribute; prefixed, it is ordinary data.
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  // Amounts stay the exact strings sent; a JS number would round them.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Far deeper than any statement, and it bounds toElement's recursion.
  maxNestedTags: 256,
  // Names reach the tree as written; the tree never uses them as object keys.
  onDangerousProperty: (name) => name,
  entityDecoder: strictEntities,
});

// fast-xml-parser's preserveOrder shape: an element is { [name]: children, ":@"?: attributes }.
type OrderedNode = Record<string, unknown>;

export function parseXml(input: string): XmlElement {
  // Refused before the library reads it (its DOCTYPE reader registers declared entities), even
  // inside a comment or CDATA: a false alarm costs less than an expansion.
  const doctype = /<!DOCTYPE/i.exec(input);
  if (doctype) throw new XmlSyntaxError("DOCTYPE is not allowed", ...lineAndColumn(input, doctype.index));
  const valid = XMLValidator.validate(input);
  if (valid !== true) throw new XmlSyntaxError(valid.err.msg, valid.err.line, valid.err.col);
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(input) as OrderedNode[];
  } catch (e) {
    throw new XmlSyntaxError(e instanceof Error ? e.message : String(e));
  }
  // The validator lets a second root follow a self-closing first one.
  const roots = nodes.filter((n) => !Object.hasOwn(n, TEXT));
  if (roots.length !== 1) throw new XmlSyntaxError(`expected one root element, found ${roots.length}`);
  return toElement(roots[0]!);
}

function toElement(node: OrderedNode): XmlElement {
  const name = Object.keys(node).find((k) => k !== ":@")!;
  // The validator skips "<!…>" inside elements, which the parser would read as an element.
  if (name.startsWith("!")) throw new XmlSyntaxError(`<${name}> is not allowed inside an element`);
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries((node[":@"] ?? {}) as Record<string, string>)) {
    // defineProperty, so a "__proto__" attribute is data and never a prototype.
    Object.defineProperty(attributes, key.slice(ATTRIBUTE_PREFIX.length), { value, enumerable: true, writable: true, configurable: true });
  }
  const children: XmlElement[] = [];
  let text = "";
  for (const c of node[name] as OrderedNode[]) {
    if (Object.hasOwn(c, TEXT)) text += c[TEXT] as string;
    else children.push(toElement(c));
  }
  return { name, attributes, children, text };
}

function lineAndColumn(text: string, index: number): [number, number] {
  const before = text.slice(0, index).split("\n");
  return [before.length, before.at(-1)!.length + 1];
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
