import { describe, expect, it } from "vitest";
import { child, findAll, parseXml, XmlSyntaxError } from "./parse";

describe("parseXml", () => {
  it("reads a Flex statement response: declaration, text children, attributes", () => {
    const doc = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<FlexStatementResponse timestamp="28 August, 2012 10:37 AM EDT">\n<Status>Success</Status>\n<ReferenceCode>1234567890</ReferenceCode>\n<Url>https://ndcdyn.interactivebrokers.com/AccountManagement/FlexWebService/GetStatement</Url>\n</FlexStatementResponse>\n',
    );
    expect(doc.name).toBe("FlexStatementResponse");
    expect(doc.attributes).toEqual({ timestamp: "28 August, 2012 10:37 AM EDT" });
    expect(child(doc, "Status")!.text).toBe("Success");
    expect(child(doc, "ReferenceCode")!.text).toBe("1234567890");
  });

  it("reads self-closing elements with single- and double-quoted attributes, decoding entities", () => {
    const doc = parseXml(
      `<Trades><Trade symbol="M&amp;T" description='Say &quot;hi&quot; &apos;x&apos; &lt;&gt;' note="&#233;&#x4E2D;"/><Trade symbol="B" /></Trades>`,
    );
    expect(findAll(doc, "Trade").map((t) => t.attributes)).toEqual([
      { symbol: "M&T", description: `Say "hi" 'x' <>`, note: "é中" },
      { symbol: "B" },
    ]);
  });

  it("skips comments, keeps CDATA text and finds nested elements in document order", () => {
    const doc = parseXml("<!-- head --><a><!-- c --><b id=\"1\"><b id=\"2\"/></b><c><![CDATA[<raw & text>]]></c></a><!-- tail -->");
    expect(findAll(doc, "b").map((b) => b.attributes.id)).toEqual(["1", "2"]);
    expect(child(doc, "c")!.text).toBe("<raw & text>");
  });

  it("keeps attribute values and text as the exact strings sent, never numbers", () => {
    const doc = parseXml('<T amount="0012.500" qty=" 1e3 "><Cost>-0.10000000000000000001</Cost></T>');
    expect(doc.attributes).toEqual({ amount: "0012.500", qty: " 1e3 " });
    expect(child(doc, "Cost")!.text).toBe("-0.10000000000000000001");
  });

  it("treats __proto__ as an ordinary attribute", () => {
    const doc = parseXml('<a __proto__="x"/>');
    expect(Object.keys(doc.attributes)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(doc.attributes)).toBe(Object.prototype);
  });

  it.each([
    ["<a><b></a>", "Expected closing tag 'b' (opened in line 1, col 4) instead of closing tag 'a'. (line 1, column 7)"],
    ["<a>", "Unclosed tag 'a'. (line 1, column 1)"],
    ['<a x="1" x="2"/>', "Attribute 'x' is repeated. (line 1, column 10)"],
    ["<a>&nbsp;</a>", "unknown entity &nbsp;"],
    ["<a>fish & chips</a>", "char '&' is not expected. (line 1, column 9)"],
    ['<a x="fish & chips"/>', 'bare "&"'],
    ['<!DOCTYPE a [<!ENTITY e "boom">]><a>&e;</a>', "DOCTYPE is not allowed"],
    ["<a/><b/>", "expected one root element, found 2"],
    ["<a></a><b></b>", "Multiple possible root nodes found."],
    ['<a x=1/>', "Attribute 'x' is without value. (line 1, column 4)"],
    ['<a x="<"/>', '"<" in an attribute value'],
    ['<a x="1"y="2"/>', "Attribute 'y' has no space in starting. (line 1, column 9)"],
    ["<a>&#0;</a>", "invalid character reference"],
    ["", "Start tag expected."],
    ["<html><body>Service Unavailable", '"html",    "body"]'],
    ['<a><!ENTITY e "boom"></a>', "<!ENTITY> is not allowed inside an element"],
    ["<a>\n<!doctype a></a>", "DOCTYPE is not allowed (line 2, column 1)"],
  ])("rejects %j (%s)", (xml, message) => {
    expect(() => parseXml(xml)).toThrow(XmlSyntaxError);
    expect(() => parseXml(xml)).toThrow(message);
  });
});
