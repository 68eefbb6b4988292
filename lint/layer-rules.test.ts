import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

// Each case builds a tiny tree in a temporary folder and runs the project's own
// dependency-cruiser configuration over it, exactly as `npm run lint:layers` does, so a
// rule that stops biting (a typo in a path pattern, a layer dropped) fails here.
const CONFIG = resolve(".dependency-cruiser.cjs");
const DEPCRUISE = resolve("node_modules/.bin/depcruise");
const dirs: string[] = [];

function cruise(files: Record<string, string>): { status: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), "layers-"));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, dirname(path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const roots = [...new Set(Object.keys(files).map((p) => p.split("/")[0]!))];
  const r = spawnSync(DEPCRUISE, [...roots, "--config", CONFIG], { cwd: dir, encoding: "utf8" });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("layer rules (npm run lint:layers)", () => {
  it("passes a downward import: sync reads the database", () => {
    const r = cruise({
      "lib/sync/run.ts": 'import { rows } from "../../db/queries/rows";\nexport const run = rows;\n',
      "db/queries/rows.ts": "export const rows = 1;\n",
    });
    expect(r.out).toContain("no dependency violations");
    expect(r.status).toBe(0);
  });

  it("fails a back edge: db importing lib/sync", () => {
    const r = cruise({
      "db/queries/rows.ts": 'import { chunk } from "../../lib/sync/chunk";\nexport const rows = chunk;\n',
      "lib/sync/chunk.ts": "export const chunk = 1;\n",
    });
    expect(r.status).not.toBe(0);
    expect(r.out).toContain("layer-2-imports-upward: db/queries/rows.ts → lib/sync/chunk.ts");
  });

  it("fails a leaf utility importing a connector (lib/money → lib/connectors)", () => {
    const r = cruise({
      "lib/money/prices.ts": 'import type { Quote } from "../connectors/types";\nexport type Q = Quote;\n',
      "lib/connectors/types.ts": "export interface Quote { price: string }\n",
    });
    expect(r.status).not.toBe(0);
    expect(r.out).toContain("layer-0-imports-upward: lib/money/prices.ts → lib/connectors/types.ts");
  });

  it("fails a component importing from app/ (the old sync-panel → app/actions back edge)", () => {
    const r = cruise({
      "app/page.tsx": 'import { panel } from "../components/panel";\nexport const page = panel;\n',
      "app/actions/resync.ts": "export const resync = 1;\n",
      "components/panel.tsx": 'import { resync } from "../app/actions/resync";\nexport const panel = resync;\n',
    });
    expect(r.status).not.toBe(0);
    expect(r.out).toContain("components-no-app: components/panel.tsx → app/actions/resync.ts");
  });

  it("fails a page importing sync internals", () => {
    const r = cruise({
      "app/page.tsx": 'import { run } from "../lib/sync/run";\nexport const p = run;\n',
      "lib/sync/run.ts": "export const run = 1;\n",
    });
    expect(r.status).not.toBe(0);
    expect(r.out).toContain("ui-no-connector-or-sync-internals: app/page.tsx → lib/sync/run.ts");
  });

  it("fails an engine that does I/O (a Node built-in or the database)", () => {
    const r = cruise({
      "lib/engines/equity/index.ts": 'import { readFileSync } from "node:fs";\nimport { rows } from "../../../db/queries/rows";\nexport const e = [readFileSync, rows];\n',
      "db/queries/rows.ts": "export const rows = 1;\n",
    });
    expect(r.status).not.toBe(0);
    expect(r.out).toContain("engines-no-node-core: lib/engines/equity/index.ts → fs");
    expect(r.out).toContain("engines-are-pure: lib/engines/equity/index.ts → db/queries/rows.ts");
  });

  it("fails a folder cycle made of files that form no file cycle (sync ⇄ snapshots)", () => {
    const r = cruise({
      "lib/sync/write.ts": 'import { capture } from "../snapshots/capture";\nexport const write = capture;\n',
      "lib/sync/chunk.ts": "export const chunk = 1;\n",
      "lib/snapshots/capture.ts": "export const capture = 1;\n",
      "lib/snapshots/rollups.ts": 'import { chunk } from "../sync/chunk";\nexport const rollups = chunk;\n',
    });
    expect(r.status).not.toBe(0);
    expect(r.out).toContain("no-folder-cycle: lib/sync");
    expect(r.out).not.toContain("no-circular");
  });

  it("fails a file cycle (an entry file beside its own folder)", () => {
    const r = cruise({
      "lib/engines/stats/index.ts": 'import { split } from "./positions";\nexport type Fill = { q: string };\nexport const s = split;\n',
      "lib/engines/stats/positions.ts": 'import type { Fill } from "./index";\nexport const split = (f: Fill) => f;\n',
    });
    expect(r.status).not.toBe(0);
    expect(r.out).toContain("no-circular");
  });
});
