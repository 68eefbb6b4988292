/**
 * Parser benchmark, `npx tsx bench/parsers.ts`: the hand-written XML and lossless-JSON parsers
 * (read from git, never kept in lib/) against the fast-xml-parser / lossless-json ones that
 * replaced them, on the real fixtures and 10,000-row bodies. Prints one JSON object.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { parseLosslessJson } from "@/lib/connectors/http/lossless-json";
import { parseXml } from "@/lib/xml/parse";

// The last commit with the hand-written parsers.
const LEGACY_COMMIT = "65a0a54";
const ROOT = path.resolve(import.meta.dirname, "..");
const SAMPLES = 15;
const SAMPLE_MS = 40;
const WARMUP_MS = 300;

async function legacy<T>(file: string): Promise<T> {
  const source = execFileSync("git", ["show", `${LEGACY_COMMIT}:${file}`], { cwd: ROOT, encoding: "utf8" });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "venuefolio-bench-"));
  const copy = path.join(dir, path.basename(file));
  fs.writeFileSync(copy, source);
  try {
    return (await import(pathToFileURL(copy).href)) as T;
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
}

const fixture = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

/** A Flex statement with `rows` executions shaped like the fixture's. */
function flexStatement(rows: number): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>\n<FlexQueryResponse queryName="bench" type="AF">\n<FlexStatements count="1">'];
  out.push('<FlexStatement accountId="U1234567" fromDate="20261117" toDate="20261119" period="Last3CalendarDays" whenGenerated="20261120;020512">\n<Trades>');
  for (let i = 0; i < rows; i++) {
    const qty = (i % 97) + 1;
    const price = `${100 + (i % 500)}.${String(i % 10_000).padStart(4, "0")}`;
    out.push(
      `<Trade accountId="U1234567" acctAlias="Main &amp; Co" currency="USD" fxRateToBase="1" assetCategory="STK" symbol="SYM${i % 800}" description="COMPANY ${i % 800} INC" conid="${265598 + i}" multiplier="1" tradeID="${1000 + i}" ibExecID="0000e0d5.6579a1b2.01.${i}" ibOrderID="${3000 + i}" orderReference="momentum" transactionType="ExchTrade" exchange="NASDAQ" buySell="${i % 2 ? "SELL" : "BUY"}" quantity="${i % 2 ? -qty : qty}" tradePrice="${price}" tradeMoney="${qty * 100}" ibCommission="-1.0000000001" ibCommissionCurrency="USD" netCash="-11456.12345678" dateTime="20261118;103015" tradeDate="20261118" levelOfDetail="EXECUTION" />`,
    );
  }
  out.push("</Trades>\n</FlexStatement>\n</FlexStatements>\n</FlexQueryResponse>\n");
  return out.join("\n");
}

/** A 1Token-style asset-position body: nanosecond times and 20-digit decimals as bare numbers. */
function oneTokenBody(rows: number): string {
  const rowsText: string[] = [];
  for (let i = 0; i < rows; i++) {
    rowsText.push(
      `{"requested_fund_name":"fund/h47z03","snapshot_time":${1700000000123456789n + BigInt(i) * 3_600_000_000_000n},"side_str":"${i % 3 ? "long" : "short"}",` +
        `"symbol_str":"sym${i % 300}","venue_str":"bitmex","position_size_equity":${(i % 1000) + 0.25},"usd_exposure":12345678901234567890.${String(i).padStart(6, "0")},` +
        `"usd_exposure_ratio":0.${i % 100},"mark_price":95238.095,"last_price":"95238.1","upnl_usd":-${i}.5e-3,"valuation_source_str":"exchange \\u00e9\\n"}`,
    );
  }
  return `{"code":"","message":"","result":{"asset_position_overview":[${rowsText.join(",")}]}}`;
}

/** Median milliseconds per parse, old and new interleaved so both see the same machine noise. */
function time(inputs: { old: () => unknown; new: () => unknown }) {
  // Warm both up past the JIT's tiers first; a cold parser measures the compiler, not the parser.
  let reps = 1;
  for (const which of ["old", "new"] as const) {
    for (let n = 0, t0 = performance.now(); n < 3 || performance.now() - t0 < WARMUP_MS; n++) inputs[which]();
  }
  for (let t0 = performance.now(); performance.now() - t0 < SAMPLE_MS; reps *= 2) for (let i = 0; i < reps; i++) inputs.new();
  const samples = { old: [] as number[], new: [] as number[] };
  for (let s = 0; s < SAMPLES; s++) {
    for (const which of ["old", "new"] as const) {
      const t0 = performance.now();
      for (let i = 0; i < reps; i++) inputs[which]();
      samples[which].push((performance.now() - t0) / reps);
    }
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { oldMs: median(samples.old), newMs: median(samples.new), repsPerSample: reps };
}

async function main() {
  const oldXml = await legacy<{ parseXml: typeof parseXml }>("lib/xml/parse.ts");
  const oldJson = await legacy<{ parseLosslessJson: typeof parseLosslessJson }>("lib/connectors/http/lossless-json.ts");

  const xmlCases = {
    "ibkr flex-statement.xml (fixture)": fixture("lib/connectors/ibkr/fixtures/flex-statement.xml"),
    "ecb eurofxref-daily.xml (fixture)": fixture("lib/prices/fixtures/eurofxref-daily.xml"),
    "flex statement, 10,000 trades (synthetic)": flexStatement(10_000),
  };
  const jsonCases = {
    "1token asset-position.json (fixture)": fixture("lib/connectors/onetoken/fixtures/asset-position.json"),
    "1token-like asset positions, 10,000 rows (synthetic)": oneTokenBody(10_000),
  };

  const cases = [];
  for (const [name, text] of Object.entries(xmlCases)) {
    const same = isDeepStrictEqual(oldXml.parseXml(text), parseXml(text));
    cases.push({ name, bytes: text.length, sameOutput: same, ...time({ old: () => oldXml.parseXml(text), new: () => parseXml(text) }) });
  }
  for (const [name, text] of Object.entries(jsonCases)) {
    const same = isDeepStrictEqual(oldJson.parseLosslessJson(text), parseLosslessJson(text));
    cases.push({ name, bytes: text.length, sameOutput: same, ...time({ old: () => oldJson.parseLosslessJson(text), new: () => parseLosslessJson(text) }) });
  }

  const round = (x: number) => Number(x.toPrecision(3));
  console.log(
    JSON.stringify(
      {
        node: process.version,
        cpus: os.cpus().length,
        samples: SAMPLES,
        cases: cases.map((c) => ({ ...c, oldMs: round(c.oldMs), newMs: round(c.newMs), newOverOld: round(c.newMs / c.oldMs) })),
      },
      null,
      2,
    ),
  );
}

await main();
