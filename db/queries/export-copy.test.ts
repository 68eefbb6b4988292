import { describe, expect, it } from "vitest";
import { copyCsvStatement, inlineParameters } from "./export-copy";
import { fillExportSpec } from "./export-fills";

describe("COPY statements: parameters written in as dollar-quoted literals", () => {
  it("replaces $1…$n with their values (numbers too), verbatim inside $vf$…$vf$", () => {
    expect(inlineParameters("select $1::uuid, $2, $10", ["a", "it's \\ \"odd\"", ...Array(7).fill("x"), 7])).toBe(
      `select $vf$a$vf$::uuid, $vf$it's \\ "odd"$vf$, $vf$7$vf$`,
    );
  });

  it("picks another tag when the value holds $vf$, so the value cannot end its literal", () => {
    expect(inlineParameters("select $1", ["x$vf$; drop table fills; --"])).toBe("select $vf0$x$vf$; drop table fills; --$vf0$");
    expect(inlineParameters("select $1", ["$vf$ and $vf0$"])).toBe("select $vf1$$vf$ and $vf0$$vf1$");
  });

  it("leaves a $1 inside a quoted literal or identifier alone, and a $ not followed by digits", () => {
    expect(inlineParameters(`select '$1', "$2", substring(x from '[0-9]+$') from t where y = $1`, ["v"])).toBe(
      `select '$1', "$2", substring(x from '[0-9]+$') from t where y = $vf$v$vf$`,
    );
  });

  it("refuses a NUL (PostgreSQL text cannot hold it), a value that is not text or a number, and a placeholder with no value", () => {
    expect(() => inlineParameters("select $1", ["a\0b"])).toThrow("export parameter $1 holds a NUL character");
    expect(() => inlineParameters("select $1", [{}])).toThrow("export parameter $1 is a object, not text or a number");
    expect(() => inlineParameters("select $1", [Number.NaN])).toThrow("export parameter $1 is a number, not text or a number");
    expect(() => inlineParameters("select $2", ["a"])).toThrow("export statement names $2, but has 1 parameters");
  });

  it("a dataset's statement: every column nullif'd (PostgreSQL writes an empty string as \"\"), in key order, CSV to stdout, no placeholder left", () => {
    const text = copyCsvStatement(
      fillExportSpec({ ownerId: "00000000-0000-4000-8000-000000000001", from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z", after: null, filters: { symbol: "BTC/USDT'" } }),
    );
    expect(text.startsWith("copy (select nullif(f.id::text, '') as c0, ")).toBe(true);
    expect(text).toContain("f.owner_id = $vf$00000000-0000-4000-8000-000000000001$vf$::uuid");
    expect(text).toContain("f.symbol = $vf$BTC/USDT'$vf$");
    expect(text).toMatch(/order by f\.executed_at, f\.id\) to stdout with \(format csv\)$/);
    expect(text.replace(/\$vf\$.*?\$vf\$/g, "")).not.toMatch(/\$\d/);
  });
});
