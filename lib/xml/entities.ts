/**
 * The entity policy handed to fast-xml-parser: XML's five predefined entities and character
 * references decode, any other "&" is an error, so no declared or HTML entity ever expands.
 */
import type { EntityDecoderOptions } from "fast-xml-parser";

const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const REFERENCE = /&([^;&<\s]*);?/g;
const CHARACTER = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/;

function decode(raw: string): string {
  // Text never holds a raw "<" (it would start a tag), so only attribute values get here with one.
  if (raw.includes("<")) throw new Error(`"<" in an attribute value`);
  if (!raw.includes("&")) return raw;
  return raw.replace(REFERENCE, (whole, ref: string) => {
    if (!whole.endsWith(";")) throw new Error(`bare "&" (write &amp;)`);
    if (Object.hasOwn(PREDEFINED, ref)) return PREDEFINED[ref]!;
    const num = CHARACTER.exec(ref);
    if (!num) throw new Error(`unknown entity &${ref};`);
    const code = num[1] !== undefined ? Number.parseInt(num[1], 16) : Number.parseInt(num[2]!, 10);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new Error(`invalid character reference &${ref};`);
    return String.fromCodePoint(code);
  });
}

function refuse(entities: Record<string, string>): void {
  // Reached only if a DOCTYPE slipped past parseXml's own check: declared entities never apply.
  if (Object.keys(entities).length > 0) throw new Error("entity declarations are not allowed");
}

export const strictEntities: EntityDecoderOptions = {
  decode,
  addInputEntities: refuse,
  setExternalEntities: refuse,
  reset: () => {},
  setXmlVersion: () => {},
};
